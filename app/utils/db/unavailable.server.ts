/**
 * "The database is not answering right now" — a restart, a fail-over, a network cut — told apart
 * from every other error, so the one mapper answers 503 (try again shortly) instead of 500 (a bug),
 * and the page says the data is safe. Seen on PostgreSQL 15 with adapter-pg during `pg_ctl restart`
 * (ADR 090): Prisma's P2010 wrapping a driver adapter error whose cause is DatabaseNotReachable
 * (ECONNREFUSED), ConnectionClosed (ECONNRESET), SocketTimeout or a FATAL 57P01 "terminating
 * connection due to administrator command" / 57P03 "the database system is shutting down"; and
 * pg's own plain Errors for a pooled connection that broke ("Client has encountered a connection
 * error and is not queryable", "Connection terminated unexpectedly") or the pool's connect timeout.
 */

/** Prisma codes: can't reach (P1001), timed out (P1002), connection closed (P1017), no pool slot in time (P2024). */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** Driver adapter error kinds (@prisma/driver-adapter-utils). */
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, cannot connect now), 53300 (too many connections). */
const SQLSTATE_UNAVAILABLE = /^(08|57P)|^53300$/;
/** node-postgres' and the pool's own messages for a broken or unobtainable connection. */
const DRIVER_MESSAGES = [
  "Client has encountered a connection error and is not queryable",
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "Can't reach database server",
  "the database system is shutting down",
  "the database system is starting up",
  "terminating connection due to administrator command",
];

type Cause = { kind?: unknown; code?: unknown };

function adapterCause(error: Error): Cause | null {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: Cause } } }).meta;
  const fromMeta = meta?.driverAdapterError?.cause;
  if (fromMeta) return fromMeta;
  if (error.name === "DriverAdapterError") return ((error as { cause?: Cause }).cause ?? null) as Cause | null;
  return null;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && error.name.startsWith("PrismaClient") && PRISMA_UNAVAILABLE.has(code)) return true;
  if (error.name === "PrismaClientInitializationError") return true;
  const cause = adapterCause(error);
  if (cause) {
    if (typeof cause.kind === "string" && ADAPTER_UNAVAILABLE.has(cause.kind)) return true;
    if (cause.kind === "postgres" && typeof cause.code === "string" && SQLSTATE_UNAVAILABLE.test(cause.code)) return true;
  }
  if (DRIVER_MESSAGES.some((m) => error.message.includes(m))) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}
