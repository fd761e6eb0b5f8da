/**
 * The HTTP side of the directory's public APIs (/api/assets, /api/hsds, exports): query strings
 * parsed at the edge, caching headers by who is reading. The rules (who sees what) stay in
 * modules/directory; errors go to the one mapper (ADR 074).
 */
import { z } from "zod";
import { AppError } from "~/utils/app-error";
import { translatorForLocale } from "~/i18n/translators";
import { translateMessage } from "~/utils/translatable";
import { uuid } from "~/utils/form-fields";
import { parseParams } from "~/utils/params.server";
import type { DirectoryViewer } from "~/modules/directory/viewer.server";

/** The search params parsed with `schema`; bad ones answer 400 "Bad request. <field>: <message>", the wording partners see documented. */
export function parseDirectoryQuery<S extends z.ZodTypeAny>(request: Request, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (parsed.success) return parsed.data;
  const fieldErrors = parsed.error.flatten().fieldErrors as Record<string, string[]>;
  const [key, messages] = Object.entries(fieldErrors)[0] ?? ["query", ["is invalid"]];
  // The documented wording is English for every partner system; a schema's message may be a translatable (ADR 081).
  throw new AppError({ message: `Bad request. ${key}: ${translateMessage(messages[0], translatorForLocale("en"))}`, status: 400, fieldErrors });
}

/** Public records may be cached by anyone; a member's view is theirs alone. */
export const directoryCacheHeaders = (viewer: Pick<DirectoryViewer, "member">) => ({ "Cache-Control": viewer.member ? "private, no-store" : "public, max-age=60", Vary: "Cookie, Authorization" });

/** An HSDS answer: JSON, cached as the viewer allows. */
export const hsdsJson = (viewer: DirectoryViewer, body: unknown) => Response.json(body, { headers: directoryCacheHeaders(viewer) });

const RecordParams = z.object({ id: uuid() });
/** The `$id` route param of an HSDS record: not a UUID is a 404 (ADR 060). */
export const hsdsId = (params: unknown) => parseParams(params, RecordParams).id;
