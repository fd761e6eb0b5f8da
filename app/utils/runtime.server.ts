/**
 * Process-wide objects the server creates once at boot and the app uses: cookie secrets and the
 * Socket.IO server. Kept on globalThis because the Remix build and the Express entry are separate
 * module graphs in production.
 */
import type { Server as SocketServer } from "socket.io";

type Runtime = { sessionSecrets?: string[]; io?: SocketServer };
const holder = globalThis as unknown as { __coalitionHubRuntime?: Runtime };
const runtime = (holder.__coalitionHubRuntime ??= {});

export function installSessionSecrets(secrets: string[]) {
  runtime.sessionSecrets = secrets;
}
export function getSessionSecrets(): string[] {
  if (!runtime.sessionSecrets?.length) throw new Error("Session secrets are not installed: call installSessionSecrets() at boot");
  return runtime.sessionSecrets;
}
export function installIo(io: SocketServer | undefined) {
  runtime.io = io;
}
export function getIo(): SocketServer | undefined {
  return runtime.io;
}
