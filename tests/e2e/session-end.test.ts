/**
 * Session end (issue #13, finding 4): a live connection never outlives its session. Signing out
 * in one tab disconnects the other tab's sockets (same session) at once, on this process and on
 * another process sharing PostgreSQL; a reconnect without a cookie, or with the revoked one, is
 * refused; Socket.IO connection state recovery (same pid/offset) does not bring a socket back
 * without a live session; a handshake from another site is refused.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { baseURL, hasChromium, launch, newPage, signIn } from "./browser";
import { signInOverHttp } from "./http";
import { startTwoNodes, type TwoNodes } from "./server";

// The demo seed's upcoming conference (hospital hosts; food bank invited).
const CONFERENCE = "6c0f0e6e-0000-4000-8000-000000000601";

type Ack = { ok: boolean; code?: string; [key: string]: unknown };

const open: Socket[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function connect(url: string, namespace: string, { cookie, origin, auth, reconnection = false }: { cookie?: string; origin?: string; auth?: Record<string, unknown>; reconnection?: boolean } = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (origin) headers.origin = origin;
    const socket = io(`${url}${namespace}`, { transports: ["websocket"], extraHeaders: headers, auth, reconnection, timeout: 5000, forceNew: true });
    open.push(socket);
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

const emit = (socket: Socket, event: string, payload: unknown) => socket.timeout(3000).emitWithAck(event, payload) as Promise<Ack>;

async function signOutOverHttp(url: string, cookie: string) {
  const res = await fetch(`${url}/logout`, { method: "POST", redirect: "manual", headers: { cookie, origin: url } });
  expect(res.status).toBe(302);
}

/** Resolves with the disconnect reason, or rejects when the socket is still connected after `ms`. */
function disconnectedWithin(socket: Socket, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!socket.connected) return resolve("already disconnected");
    const timer = setTimeout(() => reject(new Error(`still connected ${ms} ms after sign-out`)), ms);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

async function until(check: () => boolean, ms = 5000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The private recovery token a socket.io-client socket sends when it reconnects. */
const recoveryToken = (socket: Socket) => {
  const s = socket as unknown as { _pid?: string; _lastOffset?: string };
  return { pid: s._pid, offset: s._lastOffset };
};

/** A socket in the conference room that has received one broadcast (so it holds an offset), then loses its transport. */
async function droppedParticipant(url: string, cookie: string) {
  const socket = await connect(url, "/conferences", { cookie });
  expect(await emit(socket, "join", { conferenceId: CONFERENCE })).toMatchObject({ ok: true });
  const other = await connect(url, "/conferences", { cookie: await signInOverHttp(url, "director@hospital.demo.test") });
  expect(await emit(other, "join", { conferenceId: CONFERENCE })).toMatchObject({ ok: true });
  const received: string[] = [];
  socket.on("message:new", (m: { body: string }) => received.push(m.body));
  expect(await emit(other, "message:send", { conferenceId: CONFERENCE, body: "before the drop", clientId: `drop-${Date.now()}` })).toMatchObject({ ok: true });
  await until(() => received.includes("before the drop"));
  const token = recoveryToken(socket);
  expect(token.pid).toEqual(expect.any(String));
  expect(token.offset).toEqual(expect.any(String));
  const gone = new Promise((r) => socket.once("disconnect", r));
  socket.io.engine.close(); // like a network drop: the server keeps the state for recovery
  await gone;
  return { token, other };
}

describe("session end on one server", () => {
  it("signing out disconnects the other tab's sockets (same session) within a second", async () => {
    const cookie = await signInOverHttp(baseURL(), "director@foodbank.demo.test");
    const orgSocket = await connect(baseURL(), "/", { cookie, reconnection: true });
    const room = await connect(baseURL(), "/conferences", { cookie, reconnection: true });
    expect(await emit(room, "join", { conferenceId: CONFERENCE })).toMatchObject({ ok: true });
    // Another session of the same person stays connected.
    const otherSession = await connect(baseURL(), "/conferences", { cookie: await signInOverHttp(baseURL(), "director@foodbank.demo.test") });

    const started = Date.now();
    const closed = Promise.all([disconnectedWithin(orgSocket, 1000), disconnectedWithin(room, 1000)]);
    await signOutOverHttp(baseURL(), cookie);
    expect(await closed).toEqual(["io server disconnect", "io server disconnect"]);
    expect(Date.now() - started).toBeLessThan(1500);
    // Disconnected by the server: the client does not reconnect on its own, and cannot post.
    await new Promise((r) => setTimeout(r, 300));
    expect(room.connected).toBe(false);
    expect(otherSession.connected).toBe(true);

    // Reconnecting: without a cookie, or with the signed-out one, is refused.
    await expect(connect(baseURL(), "/conferences")).rejects.toThrow();
    await expect(connect(baseURL(), "/conferences", { cookie })).rejects.toThrow();
    await expect(connect(baseURL(), "/", { cookie })).rejects.toThrow();
  });

  it("changing the password ends the person's other sessions' sockets at once; this session stays", async () => {
    const email = "care.manager@primary-care.demo.test";
    const strong = "Quiet-Harbor-Lantern-2026";
    const here = await signInOverHttp(baseURL(), email);
    const elsewhere = await signInOverHttp(baseURL(), email);
    const hereSocket = await connect(baseURL(), "/", { cookie: here });
    const elsewhereSocket = await connect(baseURL(), "/", { cookie: elsewhere, reconnection: true });
    const change = (from: string, to: string) =>
      fetch(`${baseURL()}/settings/password`, {
        method: "POST",
        redirect: "manual",
        headers: { cookie: here, origin: baseURL(), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ currentPassword: from, newPassword: to, confirmPassword: to }),
      });
    // "At once" counts from the answer: hashing the new password takes its own time on a busy machine.
    const reason = new Promise<string>((resolve) => elsewhereSocket.once("disconnect", resolve));
    expect((await change("coalition-demo", strong)).status).toBe(200);
    try {
      await disconnectedWithin(elsewhereSocket, 1000);
      expect(await reason).toBe("io server disconnect");
      await expect(connect(baseURL(), "/", { cookie: elsewhere })).rejects.toThrow();
      expect(hereSocket.connected).toBe(true);
    } finally {
      // The demo password back for the other browser tests.
      expect((await change(strong, "coalition-demo")).status).toBe(200);
    }
  });

  it("connection state recovery without a cookie is refused (same pid and offset)", async () => {
    const cookie = await signInOverHttp(baseURL(), "director@foodbank.demo.test");
    const { token } = await droppedParticipant(baseURL(), cookie);
    // Same session, still signed in, but the reconnect carries no cookie at all.
    await expect(connect(baseURL(), "/conferences", { auth: token })).rejects.toThrow();
  });

  it("connection state recovery after signing out is refused, with or without the old cookie", async () => {
    const cookie = await signInOverHttp(baseURL(), "director@foodbank.demo.test");
    const { token } = await droppedParticipant(baseURL(), cookie);
    await signOutOverHttp(baseURL(), cookie);
    await expect(connect(baseURL(), "/conferences", { auth: token })).rejects.toThrow();
    await expect(connect(baseURL(), "/conferences", { auth: token, cookie })).rejects.toThrow();
  });

  it("a recovered socket that is refused receives nothing it missed", async () => {
    const cookie = await signInOverHttp(baseURL(), "director@foodbank.demo.test");
    const { token, other } = await droppedParticipant(baseURL(), cookie);
    await signOutOverHttp(baseURL(), cookie);
    expect(await emit(other, "message:send", { conferenceId: CONFERENCE, body: "after the sign-out", clientId: `after-${Date.now()}` })).toMatchObject({ ok: true });
    // A raw client: record every frame the server writes on this connection.
    const socket = io(`${baseURL()}/conferences`, { transports: ["websocket"], auth: token, reconnection: false, timeout: 5000, forceNew: true });
    open.push(socket);
    const frames: string[] = [];
    socket.io.on("packet", (packet: { data?: unknown }) => frames.push(JSON.stringify(packet.data ?? null)));
    await new Promise<void>((resolve) => {
      socket.once("connect_error", () => resolve());
      socket.once("connect", () => resolve());
    });
    expect(socket.connected).toBe(false);
    expect(frames.join("\n")).not.toContain("after the sign-out");
  });

  it("refuses a handshake from another site's page (Origin), accepts this site's", async () => {
    const cookie = await signInOverHttp(baseURL(), "director@foodbank.demo.test");
    await expect(connect(baseURL(), "/", { cookie, origin: "https://evil.example" })).rejects.toThrow();
    await expect(connect(baseURL(), "/conferences", { cookie, origin: "https://evil.example" })).rejects.toThrow();
    await expect(connect(baseURL(), "/", { cookie, origin: "null" })).rejects.toThrow();
    const own = await connect(baseURL(), "/", { cookie, origin: baseURL() });
    expect(own.connected).toBe(true);
  });
});

describe.skipIf(!hasChromium())("session end in the browser", () => {
  it("signing out in one tab: the other tab's conference room says 'signed out' at once and stops reconnecting", async () => {
    const browser = await launch();
    try {
      const room = await newPage(browser);
      await signIn(room, "director@foodbank.demo.test");
      const other = await room.context().newPage(); // same context: same cookie, same session
      await room.goto(`/conferences/${CONFERENCE}`);
      await expect.poll(() => room.getByTestId("connection").textContent()).toContain("Live");
      await other.goto("/home");
      const started = Date.now();
      await other.getByRole("button", { name: "Sign out" }).click();
      await other.waitForURL("**/login**");
      await expect.poll(() => room.getByTestId("connection").textContent(), { timeout: 3000, interval: 50 }).toContain("Signed out");
      expect(Date.now() - started).toBeLessThan(3000);
      // It stays signed out (no reconnect loop back to "Live").
      await new Promise((r) => setTimeout(r, 1500));
      expect(await room.getByTestId("connection").textContent()).toContain("Signed out");
    } finally {
      await browser.close();
    }
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;

describe("session end across two server processes on one PostgreSQL", () => {
  let nodes: TwoNodes | undefined;
  afterAll(() => nodes?.stop());

  it.skipIf(!postgresUrl)("signing out on node A disconnects the same session's socket on node B within a second", async () => {
    nodes = await startTwoNodes(postgresUrl!, "session_end");
    const { nodeA, nodeB } = nodes;
    const cookie = await signInOverHttp(nodeA.url, "director@foodbank.demo.test");
    const onB = await connect(nodeB.url, "/", { cookie, reconnection: true });
    const roomOnB = await connect(nodeB.url, "/conferences", { cookie, reconnection: true });
    expect(await emit(roomOnB, "join", { conferenceId: CONFERENCE })).toMatchObject({ ok: true });

    const closed = Promise.all([disconnectedWithin(onB, 1000), disconnectedWithin(roomOnB, 1000)]);
    await signOutOverHttp(nodeA.url, cookie);
    expect(await closed).toEqual(["io server disconnect", "io server disconnect"]);
    await expect(connect(nodeB.url, "/conferences", { cookie })).rejects.toThrow();
    await expect(connect(nodeB.url, "/conferences")).rejects.toThrow();
  });

  it.skipIf(!postgresUrl)("a session that ends without sign-out (expired in the database) loses its socket at its next event", async () => {
    nodes ??= await startTwoNodes(postgresUrl!, "session_end");
    const { nodeB } = nodes;
    const cookie = await signInOverHttp(nodeB.url, "director@foodbank.demo.test");
    const room = await connect(nodeB.url, "/conferences", { cookie });
    expect(await emit(room, "join", { conferenceId: CONFERENCE })).toMatchObject({ ok: true });
    const { default: pg } = await import("pg");
    const url = new URL(postgresUrl!);
    url.pathname = `/hub_session_end_${process.pid}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      // The newest session is this one: expire it behind the server's back.
      await client.query(`UPDATE "Session" SET "expiresAt" = now() - interval '1 minute' WHERE id = (SELECT id FROM "Session" ORDER BY "createdAt" DESC LIMIT 1)`);
    } finally {
      await client.end();
    }
    await new Promise((r) => setTimeout(r, 1100)); // a live session is re-checked at most once a second
    const gone = disconnectedWithin(room, 2000);
    const ack = await emit(room, "message:send", { conferenceId: CONFERENCE, body: "still here?", clientId: `exp-${Date.now()}` }).catch(() => ({ ok: false, code: "no answer" }));
    expect(ack).toMatchObject({ ok: false });
    expect(await gone).toBe("io server disconnect");
  });

  it.runIf(!postgresUrl)("(two-node session end skipped: set TEST_DATABASE_URL to run it; CI does)", () => {
    process.stdout.write("session-end: the two-node case is skipped because TEST_DATABASE_URL is unset (CI sets it)\n");
  });
});
