/**
 * GET /api/clients/search?q=… → { clients: [{ id, name, birthDate }], more } — the client picker's
 * search as you type (ADR 104): the actor's organization's clients whose name has every word typed,
 * by blind index, at most ten decrypted. A bad q is a 400 naming it; nothing is cached.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/guard.server";
import { ClientSearchSchema } from "~/modules/client/schemas";
import { searchOwnClients } from "~/modules/client/search.server";
import { AppError } from "~/utils/app-error";

export type ClientSearchJson = Awaited<ReturnType<typeof searchOwnClients>>;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "clients:read");
  const parsed = ClientSearchSchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) throw new AppError({ message: parsed.error.issues[0].message, status: 400, fieldErrors: { q: [parsed.error.issues[0].message] } });
  const body: ClientSearchJson = await searchOwnClients({ actor, q: parsed.data.q });
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
