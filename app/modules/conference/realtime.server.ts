/**
 * The live conference room: Socket.IO namespace "/conferences".
 *
 * - The handshake authenticates with the session cookie (authenticateSocket); every `join`
 *   re-checks the membership and that the organization may see the conference (else 404).
 * - One room per conference; presence is the room's sockets (fetchSockets works across server
 *   processes with the PostgreSQL adapter).
 * - `message:send`: zod-validated, length-checked, rate-limited per socket, checked by the
 *   identifier detector BEFORE it is stored; a message with an identifier goes back to its author
 *   only. Otherwise: stored with the next sequence number → acknowledged → broadcast.
 * - Reconnects: Socket.IO connection state recovery replays missed packets; the client also
 *   re-joins with `sinceSeq` (the last sequence number it holds) and gets what it missed from the
 *   database; a client that sees a gap in the numbers asks `messages:since`. Clients de-duplicate
 *   by sequence number. A send is idempotent by its `clientId` (ADR 090).
 * Errors go to the offending socket only (its acknowledgement, or "conference:error").
 */
import type { Namespace, Server, Socket } from "socket.io";
import { authenticateSocket } from "~/realtime/auth.server";
import { handleSocketEvents, type SocketError } from "~/realtime/handle.server";
import type { ClientToServerEvents, Participant, ServerToClientEvents, SocketErrorCode } from "~/realtime/events";
import { forbidden, isAppError } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { detectIdentifiers } from "~/modules/deid/detect.server";
import { assertActiveMember, requireConferenceAccess, type Actor } from "./service.server";
import { endConference, markLive } from "./scheduling.server";
import { hiddenMessages, hideMessage, messagesSince, postMessage } from "./chat.server";
import { withdrawVignette } from "./vignettes.server";
import { reportMissedIdentifier } from "./missed.server";
import { addNextStep } from "./next-steps.server";
import { conferenceRoom } from "./live.server";
import { translatable } from "~/utils/translatable";

interface SocketData {
  sessionId: string;
  userId: string;
  userName: string;
  organizationId: string | null;
  coalitionId: string | null;
  organizationName?: string;
  conferences?: string[];
}

type ConferenceSocket = Socket<ClientToServerEvents<"/conferences">, ServerToClientEvents<"/conferences">, Record<string, never>, SocketData>;
type ConferenceNamespace = Namespace<ClientToServerEvents<"/conferences">, ServerToClientEvents<"/conferences">, Record<string, never>, SocketData>;

export const RATE_LIMIT = { capacity: 8, refillPerSecond: 2 };

/** A token bucket per socket: bursts of `capacity`, then `refillPerSecond`. */
export function createRateLimiter({ capacity, refillPerSecond }: { capacity: number; refillPerSecond: number }) {
  let tokens = capacity;
  let last = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(capacity, tokens + ((now - last) / 1000) * refillPerSecond);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

function codeFor(status: number): SocketErrorCode {
  if (status === 404) return "not_found";
  if (status === 403) return "forbidden";
  if (status === 413) return "too_long";
  if (status === 409) return "ended";
  return "invalid";
}

/**
 * Registers the "/conferences" namespace on the server's Socket.IO instance. Domain-owned; wired by
 * the server entry (server/socket-handlers.ts), so app/realtime/ imports no domain module (ADR 076).
 */
export function registerConferenceNamespace(io: Server) {
  const nsp = io.of("/conferences") as unknown as ConferenceNamespace;
  // Load the detector's word lists (≈ 1 s) now rather than on the first message of the day.
  setTimeout(() => detectIdentifiers("warm-up"), 0).unref?.();
  nsp.use(authenticateSocket as unknown as Parameters<ConferenceNamespace["use"]>[0]);

  nsp.on("connection", (socket: ConferenceSocket) => {
    const allow = createRateLimiter(RATE_LIMIT);
    socket.data.conferences ??= [];

    const actor = (): Actor => {
      if (!socket.data.organizationId) throw forbidden(translatable("errors.services.access.noOrganization"));
      return {
        userId: socket.data.userId,
        userName: socket.data.userName,
        organizationId: socket.data.organizationId,
        request: { ipAddress: socket.handshake.address, userAgent: socket.handshake.headers["user-agent"] ?? null },
      };
    };
    const inRoom = (conferenceId: string) => socket.rooms.has(conferenceRoom(conferenceId));
    const notJoined = (reply: (response: SocketError) => void) => reply({ ok: false, code: "forbidden", error: translatable("errors.services.conference.joinFirst") });

    // Every event goes through the one wrapper: session re-checked, payload parsed with its schema
    // (SOCKET_EVENTS["/conferences"] in app/realtime/events.ts), answered on error, never thrown (app/realtime/handle.server.ts).
    handleSocketEvents(
      socket,
      "/conferences",
      {
        join: async ({ conferenceId, sinceSeq }, reply) => {
          const a = actor();
          await assertActiveMember(a.userId, a.organizationId);
          const conference = await requireConferenceAccess(conferenceId, a.organizationId);
          if (!socket.data.organizationName) {
            socket.data.organizationName = (await db.organization.findUniqueOrThrow({ where: { id: a.organizationId }, select: { name: true } })).name;
          }
          if (conference.status === "SCHEDULED") await markLive(conferenceId);
          await socket.join(conferenceRoom(conferenceId));
          socket.data.conferences = [...new Set([...(socket.data.conferences ?? []), conferenceId])];
          const [messages, participants, hidden] = await Promise.all([messagesSince(conferenceId, sinceSeq), presence(nsp, conferenceId), sinceSeq > 0 ? hiddenMessages(conferenceId) : []]);
          reply({ ok: true, messages, participants, hidden });
          socket.to(conferenceRoom(conferenceId)).emit("presence:update", participants);
        },

        // Idempotent by the browser's clientId: a retry after a lost acknowledgement answers with the
        // message stored the first time and broadcasts it again (its first broadcast may have died
        // with a killed node; clients de-duplicate by sequence number).
        "message:send": async ({ conferenceId, vignetteId, body, clientId }, reply) => {
          if (!inRoom(conferenceId)) return notJoined(reply);
          const result = await postMessage({ actor: actor(), conferenceId, vignetteId, body, clientMessageId: clientId, joined: { organizationName: socket.data.organizationName ?? "" } });
          if (result.status === "held") {
            return reply({ ok: false, code: "identifiers", error: translatable("errors.services.conference.identifiersHeld"), findings: result.findings });
          }
          reply({ ok: true, message: result.message });
          socket.to(conferenceRoom(conferenceId)).emit("message:new", result.message);
        },

        // "Since message N": what a client that saw a gap in the sequence numbers missed (a broadcast
        // lost with a killed node), without re-joining. Joining with sinceSeq does the same on reconnect.
        "messages:since": async ({ conferenceId, sinceSeq }, reply) => {
          if (!inRoom(conferenceId)) return notJoined(reply);
          reply({ ok: true, messages: await messagesSince(conferenceId, sinceSeq) });
        },

        // Hiding a message that could identify someone: everyone's copy is replaced, the text erased.
        "message:hide": async ({ conferenceId, seq }, reply) => {
          if (!inRoom(conferenceId)) return notJoined(reply);
          const message = await hideMessage({ actor: actor(), conferenceId, seq, joined: true });
          reply({ ok: true, message });
          socket.to(conferenceRoom(conferenceId)).emit("message:updated", message);
        },

        // Withdrawing a shared vignette that could identify someone: everyone drops it.
        "vignette:withdraw": async ({ conferenceId, vignetteId }, reply) => {
          if (!inRoom(conferenceId)) return notJoined(reply);
          await withdrawVignette({ actor: actor(), conferenceId, vignetteId, joined: true });
          reply({ ok: true });
          socket.to(conferenceRoom(conferenceId)).emit("vignette:withdrawn", { vignetteId });
        },

        // "The check missed this" (ADR 089, 092): hidden for everyone at once, the room told who
        // reported what kind of identifier (never the words), so the author sees why.
        "identifier:report": async ({ conferenceId, ...input }, reply) => {
          if (!inRoom(conferenceId)) return notJoined(reply);
          const a = actor();
          const result = await reportMissedIdentifier({ actor: a, conferenceId, input });
          reply({ ok: true, message: result.message });
          const room = socket.to(conferenceRoom(conferenceId));
          if (result.message) room.emit("message:updated", result.message);
          else if (input.target.kind === "vignette") room.emit("vignette:withdrawn", { vignetteId: input.target.vignetteId });
          nsp.to(conferenceRoom(conferenceId)).emit("identifier:missed", {
            kind: input.target.kind,
            vignetteId: input.target.kind === "vignette" ? input.target.vignetteId : null,
            seq: input.target.kind === "message" ? input.target.seq : null,
            type: result.type,
            authorId: result.authorId,
            reportedById: a.userId,
            reportedByName: a.userName,
          });
        },

        "nextstep:add": async ({ conferenceId, ...input }, reply) => {
          if (!inRoom(conferenceId)) return notJoined(reply);
          const step = await addNextStep({ actor: actor(), conferenceId, input });
          reply({ ok: true, step });
          socket.to(conferenceRoom(conferenceId)).emit("nextstep:new", step);
        },

        "focus:set": async ({ conferenceId, vignetteId }, reply) => {
          if (!inRoom(conferenceId)) return notJoined(reply);
          reply({ ok: true });
          socket.to(conferenceRoom(conferenceId)).emit("focus:update", { vignetteId });
        },

        "conference:end": async ({ conferenceId }, reply) => {
          if (!inRoom(conferenceId)) return notJoined(reply);
          await endConference({ actor: actor(), conferenceId });
          reply({ ok: true });
          socket.to(conferenceRoom(conferenceId)).emit("conference:ended", { conferenceId });
        },
      },
      {
        errorEvent: "conference:error",
        // Joining is not limited (a reconnect re-joins); everything else is, per socket.
        before: (event) => (event !== "join" && !allow() ? { ok: false, code: "rate_limited", error: translatable("conference.errors.rate_limited") } : null),
        // The first field an AppError names goes with it, so a form can point at it.
        mapError: (error) => {
          if (!isAppError(error)) return null;
          const field = Object.keys(error.fieldErrors ?? {})[0];
          return { ok: false, code: codeFor(error.status), error: error.message, ...(field ? { field } : {}) };
        },
      },
    );

    socket.on("disconnect", () => {
      for (const conferenceId of socket.data.conferences ?? []) {
        void presence(nsp, conferenceId)
          .then((participants) => nsp.to(conferenceRoom(conferenceId)).emit("presence:update", participants))
          .catch(() => {});
      }
    });
  });
}

/** Who is in the room now: one entry per person (several tabs count once). */
async function presence(nsp: ConferenceNamespace, conferenceId: string): Promise<Participant[]> {
  const sockets = await nsp.in(conferenceRoom(conferenceId)).fetchSockets();
  const people = new Map<string, Participant>();
  for (const s of sockets) {
    if (!s.data.organizationId) continue;
    people.set(`${s.data.userId}:${s.data.organizationId}`, {
      userId: s.data.userId,
      userName: s.data.userName,
      organizationId: s.data.organizationId,
      organizationName: s.data.organizationName ?? "",
    });
  }
  return [...people.values()].sort((a, b) => a.userName.localeCompare(b.userName));
}
