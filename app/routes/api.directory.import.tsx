/** POST /api/directory/import: one batch of HSDS service records → a per-row report. Directors and conveners. */
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/guard.server";
import { ImportBatchSchema } from "~/modules/directory/hsds/import-schemas";
import { importHsdsBatch } from "~/modules/directory/hsds/import.server";

/** A batch is at most 100 records; anything this large is not one. */
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  const isConvener = actor.permissions.has("coalition:admin");
  if (!actor.organizationId || (!isConvener && !actor.permissions.has("directory:edit"))) return Response.json({ error: "Only directors and conveners can import." }, { status: 403 });
  if (request.method !== "POST") return Response.json({ error: "Use POST" }, { status: 405 });
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BATCH_BYTES) return Response.json({ error: `Batch too large (${length} bytes; at most ${MAX_BATCH_BYTES}). Send at most 100 records at a time.` }, { status: 413 });
  const text = await request.text();
  if (text.length > MAX_BATCH_BYTES) return Response.json({ error: "Batch too large. Send at most 100 records at a time." }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: "The request body is not JSON." }, { status: 400 });
  }
  const parsed = ImportBatchSchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid batch", fieldErrors: parsed.error.flatten().fieldErrors }, { status: 400 });
  const results = await importHsdsBatch({
    actor,
    mode: isConvener ? "provider" : "own",
    ...parsed.data,
  });
  return Response.json({ results });
}
