import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { parseParams } from "~/utils/params.server";
import { getAuthorizationCopy } from "~/modules/consent/service.server";
import { authorizationPdf } from "~/modules/consent/pdf.server";

const ParamsSchema = z.object({ clientId: z.string().uuid(), authorizationId: z.string().uuid() });

/** The client's copy as a PDF download (same access rule and audit as the print page). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "clients:read");
  const { clientId, authorizationId } = parseParams(params, ParamsSchema);
  const copy = await getAuthorizationCopy({ actor, clientId, authorizationId });
  const bytes = await authorizationPdf(copy);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="authorization-${copy.id.slice(0, 8)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
