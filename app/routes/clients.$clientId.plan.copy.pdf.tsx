import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireActor } from "~/modules/auth/guard.server";
import { parseParams } from "~/utils/params.server";
import { ClientIdParamSchema } from "~/modules/client/schemas";
import { getWrittenCopy } from "~/modules/care/written-copy.server";
import { writtenCopyPdf } from "~/modules/care/written-copy-pdf.server";
import { isoDay, todayUtc } from "~/modules/care/dates";

/** The client's written copy of their plan as a PDF, in the client's language (same access rule and audit as the printable page). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "care:read");
  const { clientId } = parseParams(params, ClientIdParamSchema);
  const copy = await getWrittenCopy({ actor, clientId, format: "pdf" });
  const bytes = await writtenCopyPdf(copy, isoDay(todayUtc()));
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="care-plan-${copy.language}-${copy.client.id.slice(0, 8)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
