/**
 * Socket fuzz (issue #13): every client-to-server event registered in SOCKET_EVENTS — read from
 * the code, so an event added later is fuzzed without anyone listing it here — gets payloads
 * generated with fast-check: wrong types, missing fields, 1 MB strings, NUL and control
 * characters, emoji, huge and negative numbers, impossible dates, deep nesting, arrays, null; with
 * an acknowledgement, without one, and with one that is not a function; plus events nobody
 * registered. Asserts: every acknowledgement is `{ ok: true }` or `{ ok: false, code, error }` and
 * never the "server" code (a handler that threw), nothing unhandled in the server's output, and
 * afterwards the server answers /healthz and the same socket still works.
 *
 * Runs against its own server (its own database: the fuzzing participant posts and hides
 * messages). FUZZ_RUNS (default 40) is the number of payloads per event.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import type { z } from "zod";
import { clientPayloadSchemas, SOCKET_EVENTS, SOCKET_MAX_PAYLOAD_BYTES, type SocketNamespace } from "~/realtime/events";
import { signInOverHttp } from "./http";
import { startServer, type RunningServer } from "./server";

// The demo seed's upcoming conference: hosted by the hospital, the food bank invited (a participant, not the host).
const CONFERENCE = "6c0f0e6e-0000-4000-8000-000000000601";
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 40));
/** FUZZ_SEED replays a failure fast-check reported (its "seed"). */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

type Ack = { ok: unknown; code?: unknown; error?: unknown };

let server: RunningServer;
let cookie: string;
beforeAll(async () => {
  server = await startServer();
  cookie = await signInOverHttp(server.url, "director@foodbank.demo.test");
});
afterAll(() => server?.stop());

function connect(namespace: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${server.url}${namespace}`, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false, timeout: 5000, forceNew: true });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

// --- generators -------------------------------------------------------------------------------

const nest = (depth: number): unknown => (depth === 0 ? "bottom" : { a: [nest(depth - 1)] });
const MB = 1024 * 1024;

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\u0001", "\u0008", "\u000b", "\u001b", "\u007f", "\u0085", "\u2028", "\u202e", "\ufeff", "\ud800", "a"), maxLength: 20 }),
  fc.constantFrom("😀", "👩🏽‍⚕️🏳️‍🌈", "Ã©", "　", " ", "\t\n", "%00", "' OR 1=1 --", "${7*7}", "<script>alert(1)</script>", "__proto__", "constructor"),
  fc.constantFrom("0000-01-01", "9999-99-99", "-000001-01-01", "+275760-09-13", "2026-02-30", "2026-12-24"),
  fc.constantFrom("x".repeat(2001), "é".repeat(20_000), "y".repeat(64_000)),
);
const hostileNumber = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, -0, -1, 1, 0.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e23, 1e308, -1e308, Number.MIN_VALUE, Number.MAX_VALUE) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}, [null], nest(200), nest(2000)) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom(CONFERENCE, CONFERENCE.toUpperCase(), ` ${CONFERENCE}`, "00000000-0000-0000-0000-000000000000") },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);

/** A plausible value for a field the schema names, so payloads also get past validation into the handler. */
const plausible: Record<string, fc.Arbitrary<unknown>> = {
  conferenceId: fc.constant(CONFERENCE),
  vignetteId: fc.constantFrom(null, "00000000-0000-4000-8000-000000000000"),
  sinceSeq: fc.nat({ max: 50 }),
  seq: fc.integer({ min: 1, max: 50 }),
  body: fc.constantFrom("Fuzz says hello.", "Can anyone cover transport on Tuesday?"),
  clientId: fc.string({ minLength: 1, maxLength: 20 }),
  what: fc.constant("Call the landlord about the deposit"),
  ownerName: fc.constant("Casey"),
  dueDate: fc.constantFrom("2027-01-15", "2026-12-31"),
};

/** The field names of an object schema (through effects, defaults and pipes), or [] when it is not one. */
function fieldsOf(schema: z.ZodTypeAny): string[] {
  let s: z.ZodTypeAny | undefined = schema;
  for (let i = 0; i < 10 && s; i++) {
    const def = s._def as { typeName?: string; schema?: z.ZodTypeAny; innerType?: z.ZodTypeAny; in?: z.ZodTypeAny; shape?: () => Record<string, unknown> };
    if (def.typeName === "ZodObject") return Object.keys((s as z.AnyZodObject).shape);
    s = def.schema ?? def.innerType ?? def.in;
  }
  return [];
}

/**
 * Mostly a plausible payload with one field replaced by a hostile value (of the field's own kind
 * half the time, so numbers get huge numbers and text gets NUL bytes), else fields missing,
 * extra fields, or something that is not an object at all.
 */
function payloadFor(schema: z.ZodTypeAny): fc.Arbitrary<unknown> {
  const fields = fieldsOf(schema);
  const valueOf = (f: string) => plausible[f] ?? hostileValue;
  const sameKind = (f: string) => (plausible[f] && typeof fc.sample(plausible[f], 1)[0] === "number" ? hostileNumber : hostileString);
  const base = fc.record(Object.fromEntries(fields.map((f) => [f, valueOf(f)])));
  const oneBad = fields.length
    ? fc.constantFrom(...fields).chain((f) => fc.tuple(base, fc.oneof(sameKind(f), hostileValue)).map(([b, v]) => ({ ...b, [f]: v })))
    : hostileValue;
  const someMissing = fc.record(Object.fromEntries(fields.map((f) => [f, fc.oneof(valueOf(f), hostileValue)])), { requiredKeys: [] });
  const withExtra = fc.tuple(base, fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 3 })).map(([r, extra]) => ({ ...extra, ...r }));
  return fc.oneof(
    { weight: 6, arbitrary: oneBad },
    { weight: 2, arbitrary: someMissing },
    { weight: 1, arbitrary: withExtra },
    { weight: 2, arbitrary: hostileValue },
    { weight: 1, arbitrary: fc.array(hostileValue, { maxLength: 4 }) },
  );
}

/**
 * Payloads the server can read: one over Socket.IO's packet limit closes the connection before any
 * handler (checked on its own by `oversize` below), so in the property it would only make the next
 * emit on this socket go unanswered.
 */
const withinPacketLimit = (payloads: fc.Arbitrary<unknown>) =>
  payloads.filter((payload) => Buffer.byteLength(JSON.stringify(payload) ?? "") < SOCKET_MAX_PAYLOAD_BYTES - 1024);

const ackMode = fc.constantFrom("ack", "ack", "ack", "none", "not-a-function", "no-payload");

// --- the run -----------------------------------------------------------------------------------

const tally = { emits: 0, events: 0, acked: 0, ok: 0, refused: 0, oversize: 0, codes: {} as Record<string, number>, errors: [] as string[] };

function isAnswer(ack: Ack) {
  return ack !== null && typeof ack === "object" && (ack.ok === true || (ack.ok === false && typeof ack.code === "string" && typeof ack.error === "string"));
}

async function emitOnce(socket: Socket, event: string, payload: unknown, mode: string) {
  tally.emits++;
  if (mode === "none") return void socket.emit(event, payload);
  if (mode === "not-a-function") return void socket.emit(event, payload, "not a function");
  let ack: Ack;
  try {
    ack = (await (mode === "no-payload" ? socket.timeout(5000).emitWithAck(event) : socket.timeout(5000).emitWithAck(event, payload))) as Ack;
  } catch {
    tally.errors.push(`${event}: no answer within 5 s (socket ${socket.connected ? "connected" : "disconnected"}) to ${JSON.stringify(payload)?.slice(0, 200)}`);
    return;
  }
  tally.acked++;
  if (!isAnswer(ack)) tally.errors.push(`${event}: malformed answer ${JSON.stringify(ack).slice(0, 200)}`);
  else if (ack.ok === true) tally.ok++;
  else if (ack.code === "server") tally.errors.push(`${event}: server error for ${JSON.stringify(payload)?.slice(0, 200)}`);
  else {
    tally.refused++;
    tally.codes[ack.code as string] = (tally.codes[ack.code as string] ?? 0) + 1;
  }
}

/** Payloads over Socket.IO's packet limit close the connection before any handler: checked on a throwaway socket. */
async function oversize(namespace: string, event: string) {
  expect(MB).toBeGreaterThan(SOCKET_MAX_PAYLOAD_BYTES);
  const socket = await connect(namespace);
  const closed = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
  socket.emit(event, { conferenceId: CONFERENCE, body: "z".repeat(MB), clientId: "big" }, () => {});
  tally.emits++;
  tally.oversize++;
  const reason = await Promise.race([closed, new Promise<string>((r) => setTimeout(() => r("still open"), 5000))]);
  socket.close();
  return reason;
}

describe("socket fuzz", () => {
  it("every registered event answers bad input with an error, never a crash; the server and the socket carry on", async () => {
    // Every namespace of the event map, with the payload schema of each event a client may send.
    const namespaces = (Object.keys(SOCKET_EVENTS) as SocketNamespace[]).map((ns) => [ns, clientPayloadSchemas(ns)] as const);
    expect(namespaces.map(([ns]) => ns)).toContain("/conferences");

    for (const [namespace, events] of namespaces) {
      const socket = await connect(namespace);
      try {
        if (namespace === "/conferences") {
          const joined = (await socket.timeout(5000).emitWithAck("join", { conferenceId: CONFERENCE })) as Ack;
          expect(joined).toMatchObject({ ok: true }); // so the handlers run past "join first"
        }
        for (const [event, schema] of Object.entries(events)) {
          tally.events++;
          await fc.assert(
            fc.asyncProperty(withinPacketLimit(payloadFor(schema)), ackMode, async (payload, mode) => {
              const before = tally.errors.length;
              await emitOnce(socket, event, payload, mode);
              // Throwing (not returning false) puts what went wrong in fast-check's report.
              if (tally.errors.length !== before) throw new Error(tally.errors.slice(before).join("\n"));
              return true;
            }),
            { numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
          );
          expect(await oversize(namespace, event)).not.toBe("still open");
        }
        // Events nobody registered (including prototype names) are refused, not dispatched.
        for (const event of ["no-such-event", "__proto__", "constructor", "toString", "hasOwnProperty", "message", "x".repeat(500)]) {
          await emitOnce(socket, event, { conferenceId: CONFERENCE }, "ack");
        }
        // No acknowledgement requested: the error comes back as an event on this socket, and the socket still answers.
        if (namespace === "/conferences") {
          const errorEvent = new Promise((resolve) => socket.once("conference:error", resolve));
          socket.emit("join", { conferenceId: CONFERENCE, sinceSeq: 1e308 });
          await expect(errorEvent).resolves.toMatchObject({ code: "invalid" });
          expect(await socket.timeout(5000).emitWithAck("join", { conferenceId: CONFERENCE, sinceSeq: 0 })).toMatchObject({ ok: true });
        }
        expect(socket.connected).toBe(true);
      } finally {
        socket.close();
      }
    }

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const output = server.output();
    const trouble = output.split("\n").filter((line) => /unhandled|uncaught|failed:|unregistered socket handler/i.test(line));
    process.stdout.write(`socket fuzz: ${tally.emits} emits over ${tally.events} events, ${tally.errors.length + trouble.length} errors (${tally.acked} answered: ${tally.ok} ok, ${tally.refused} refused ${JSON.stringify(tally.codes)}; ${tally.oversize} over the packet limit closed)\n`);
    expect(tally.errors).toEqual([]);
    expect(trouble).toEqual([]);
  }, 240_000);
});
