/** POST /api/directory/import: one batch of HSDS service records → a per-row report. Directors and conveners. */
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/guard.server";
import { ImportBatchSchema } from "~/modules/directory/hsds/import-schemas";
import { importHsdsBatch } from "~/modules/directory/hsds/import.server";
import { AppError, forbidden } from "~/utils/app-error";
import { translatable, type MessageValues } from "~/utils/translatable";

const d = (key: string, values?: MessageValues) => translatable(`errors.services.directory.${key}`, values);

/** A batch is at most 100 records; anything this large is not one. */
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  const isConvener = actor.permissions.has("coalition:admin");
  // Refusals are translatables: the one error mapper words them in the importer's language (the page shows `error`).
  if (!actor.organizationId || (!isConvener && !actor.permissions.has("directory:edit"))) throw forbidden(d("importOnly"));
  if (request.method !== "POST") throw new AppError({ message: d("usePost"), status: 405 });
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BATCH_BYTES) throw new AppError({ message: d("batchTooLarge", { length, max: MAX_BATCH_BYTES }), status: 413 });
  const text = await request.text();
  if (text.length > MAX_BATCH_BYTES) throw new AppError({ message: d("batchTooLargeShort"), status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError({ message: d("notJson"), status: 400 });
  }
  const parsed = ImportBatchSchema.safeParse(body);
  if (!parsed.success) throw new AppError({ message: parsed.error.issues[0]?.message ?? d("invalidBatch"), status: 400, fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> });
  const results = await importHsdsBatch({
    actor,
    mode: isConvener ? "provider" : "own",
    ...parsed.data,
  });
  return Response.json({ results });
}
