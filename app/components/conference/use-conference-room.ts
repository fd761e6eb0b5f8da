/**
 * The browser side of the live room: one Socket.IO connection to "/conferences", join with the
 * last sequence number held (so a reconnect fetches only what was missed), messages kept by
 * sequence number (no duplicates, always in order), presence, next steps and focus.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import {
  serverEventSchema,
  type AckResponse,
  type ChatMessage,
  type ClientEventName,
  type ClientPayloadIn,
  type IdentifierMissed,
  type ClientToServerEvents,
  type NextStepView,
  type Participant,
  type ServerEventName,
  type ServerPayload,
  type ServerToClientEvents,
  type SocketError,
  type VignetteShared,
  type WireFinding,
} from "~/realtime/events";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "refused" | "signedOut";

type SendResult = { ok: true } | { ok: false; error: string; code: string; findings?: WireFinding[] };
type RoomSocket = Socket<ServerToClientEvents<"/conferences">, ClientToServerEvents<"/conferences">>;
type TimedSocket = ReturnType<RoomSocket["timeout"]>;

/** Listens for a server event, handing on only payloads that fit the event map's schema (the same one the server emits with). */
function listen<E extends ServerEventName<"/conferences">>(socket: RoomSocket, event: E, handler: (payload: ServerPayload<"/conferences", E>) => void) {
  const schema = serverEventSchema("/conferences", event);
  const on = socket.on.bind(socket) as (event: string, listener: (payload: unknown) => void) => void;
  on(event, (payload) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) handler(parsed.data);
    else console.error(`[conference] ignored a malformed "${event}" event`);
  });
}

function mergeMessages(current: ChatMessage[], incoming: ChatMessage[]) {
  if (!incoming.length) return current;
  const bySeq = new Map(current.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export function useConferenceRoom({ conferenceId, initialMessages, initialSteps }: { conferenceId: string; initialMessages: ChatMessage[]; initialSteps: NextStepView[] }) {
  const [messages, setMessages] = useState(initialMessages);
  const [steps, setSteps] = useState(initialSteps);
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [ended, setEnded] = useState(false);
  const [focus, setFocus] = useState<string | null | undefined>(undefined);
  const [roomError, setRoomError] = useState<string | null>(null);
  /** The last vignette withdrawn in this room (with a counter, so the same id twice still changes). */
  const [withdrawn, setWithdrawn] = useState<{ vignetteId: string; n: number } | null>(null);
  /** The last vignette someone else shared with the room while this page was open. */
  const [sharedByOther, setSharedByOther] = useState<VignetteShared | null>(null);
  /** The last "the check missed this" report in the room (with a counter: each one is told). */
  const [missed, setMissed] = useState<(IdentifierMissed & { n: number }) | null>(null);
  const socketRef = useRef<RoomSocket | null>(null);
  const lastSeq = useRef(Math.max(0, ...initialMessages.map((m) => m.seq)));

  useEffect(() => {
    lastSeq.current = Math.max(lastSeq.current, ...messages.map((m) => m.seq));
  }, [messages]);

  useEffect(() => {
    const socket: RoomSocket = io("/conferences", { transports: ["websocket", "polling"], withCredentials: true });
    socketRef.current = socket;
    const join = () => {
      socket.emit("join", { conferenceId, sinceSeq: lastSeq.current }, (response) => {
        if (!response.ok) {
          setState("refused");
          setRoomError(response.error);
          return;
        }
        // Hides of older messages missed while away apply only to messages already held here.
        setMessages((current) => {
          const held = new Set(current.map((m) => m.seq));
          return mergeMessages(current, [...response.hidden.filter((m) => held.has(m.seq)), ...response.messages]);
        });
        setParticipants(response.participants);
        setState("live");
      });
    };
    socket.on("connect", () => {
      // A recovered connection kept its room and was sent what it missed; otherwise join again.
      if (socket.recovered) setState("live");
      else join();
    });
    // The server disconnects only when the session ended (signed out in another tab, expired):
    // Socket.IO does not reconnect then; say so instead of "reconnecting" forever.
    socket.on("disconnect", (reason) => setState(reason === "io server disconnect" ? "signedOut" : "reconnecting"));
    socket.on("connect_error", (error) => {
      setState(error.message === "unauthorized" ? "refused" : "reconnecting");
    });
    listen(socket, "message:new", (m) => {
      // A gap in the numbers: a broadcast was lost (a server node died mid-way). Ask for what is missing.
      if (m.seq > lastSeq.current + 1) {
        socket.emit("messages:since", { conferenceId, sinceSeq: lastSeq.current }, (response) => {
          if (response.ok) setMessages((current) => mergeMessages(current, response.messages));
        });
      }
      lastSeq.current = Math.max(lastSeq.current, m.seq);
      setMessages((current) => mergeMessages(current, [m]));
    });
    listen(socket, "message:updated", (m) => setMessages((current) => mergeMessages(current, [m])));
    listen(socket, "vignette:shared", (shared) => {
      if (shared.conferenceId === conferenceId) setSharedByOther(shared);
    });
    listen(socket, "vignette:withdrawn", ({ vignetteId }) => setWithdrawn((w) => ({ vignetteId, n: (w?.n ?? 0) + 1 })));
    listen(socket, "identifier:missed", (m) => setMissed((prev) => ({ ...m, n: (prev?.n ?? 0) + 1 })));
    listen(socket, "presence:update", setParticipants);
    listen(socket, "nextstep:new", (s) => setSteps((current) => (current.some((c) => c.id === s.id) ? current : [...current, s])));
    listen(socket, "focus:update", ({ vignetteId }) => setFocus(vignetteId));
    listen(socket, "conference:ended", () => setEnded(true));
    listen(socket, "conference:error", ({ error }) => setRoomError(error));
    return () => {
      socket.close();
      socketRef.current = null;
    };
  }, [conferenceId]);

  /**
   * One acknowledged request: refused at once when offline, a failure when the server does not
   * answer within 10 s; `onOk` applies a successful answer to the room's state.
   */
  const request = useCallback(
    <E extends ClientEventName<"/conferences">>(
      emit: (socket: TimedSocket, done: (err: Error | null, response: AckResponse<"/conferences", E>) => void) => void,
      onOk: (response: Extract<AckResponse<"/conferences", E>, { ok: true }>) => void,
    ): Promise<SendResult> =>
      new Promise((resolve) => {
        const socket = socketRef.current;
        if (!socket?.connected) return resolve({ ok: false, code: "offline", error: "offline" });
        emit(socket.timeout(10_000), (err, response) => {
          if (err) return resolve({ ok: false, code: "timeout", error: "timeout" });
          // Every answer is its event's reply fields or a refusal (the event map's AckResponse).
          const answer = response as { ok: true } | SocketError;
          if (answer.ok) {
            onOk(response as Extract<AckResponse<"/conferences", E>, { ok: true }>);
            resolve({ ok: true });
          } else resolve(answer);
        });
      }),
    [],
  );

  /** The id of each message not yet acknowledged: sending it again (after a timeout) reuses it, so the server stores it once. */
  const pendingIds = useRef(new Map<string, string>());
  const send = useCallback(
    (body: string, vignetteId: string | null) => {
      const key = `${vignetteId ?? ""}\n${body}`;
      const clientId = pendingIds.current.get(key) ?? crypto.randomUUID();
      pendingIds.current.set(key, clientId);
      return request<"message:send">(
        (socket, done) => socket.emit("message:send", { conferenceId, vignetteId, body, clientId }, done),
        (response) => {
          pendingIds.current.delete(key);
          setMessages((current) => mergeMessages(current, [response.message]));
        },
      );
    },
    [conferenceId, request],
  );

  const hide = useCallback(
    (seq: number) =>
      request<"message:hide">(
        (socket, done) => socket.emit("message:hide", { conferenceId, seq }, done),
        (response) => setMessages((current) => mergeMessages(current, [response.message])),
      ),
    [conferenceId, request],
  );

  const withdraw = useCallback(
    (vignetteId: string) =>
      request<"vignette:withdraw">(
        (socket, done) => socket.emit("vignette:withdraw", { conferenceId, vignetteId }, done),
        () => setWithdrawn((w) => ({ vignetteId, n: (w?.n ?? 0) + 1 })),
      ),
    [conferenceId, request],
  );

  /** "The check missed this": the marked text is hidden for everyone (the reporter's copy at once). */
  const report = useCallback(
    (input: Omit<ClientPayloadIn<"/conferences", "identifier:report">, "conferenceId">) =>
      request<"identifier:report">(
        (socket, done) => socket.emit("identifier:report", { conferenceId, ...input }, done),
        (response) => {
          if (response.message) setMessages((current) => mergeMessages(current, [response.message!]));
          else if (input.target.kind === "vignette") {
            const { vignetteId } = input.target;
            setWithdrawn((w) => ({ vignetteId, n: (w?.n ?? 0) + 1 }));
          }
        },
      ),
    [conferenceId, request],
  );

  const addStep = useCallback(
    (input: { what: string; ownerName: string; ownerOrganizationId: string; dueDate: string; vignetteId: string | null }) =>
      request<"nextstep:add">(
        (socket, done) => socket.emit("nextstep:add", { conferenceId, ...input }, done),
        (response) => setSteps((current) => (current.some((c) => c.id === response.step.id) ? current : [...current, response.step])),
      ),
    [conferenceId, request],
  );

  const shareFocus = useCallback(
    (vignetteId: string | null) => {
      socketRef.current?.emit("focus:set", { conferenceId, vignetteId }, () => {});
    },
    [conferenceId],
  );

  const end = useCallback(
    (): Promise<SendResult> =>
      new Promise((resolve) => {
        socketRef.current?.timeout(10_000).emit("conference:end", { conferenceId }, (err, response) => {
          if (err) return resolve({ ok: false, code: "timeout", error: "timeout" });
          if (response.ok) setEnded(true);
          resolve(response.ok ? { ok: true } : response);
        });
      }),
    [conferenceId],
  );

  return { messages, steps, participants, state, ended, focus, roomError, withdrawn, sharedByOther, missed, send, hide, withdraw, report, addStep, shareFocus, end };
}
