import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireOrganization } from "~/utils/auth.server";
import { throwHttpError } from "~/utils/http-errors.server";
import { requestMeta } from "~/utils/request.server";
import { notFoundUnlessValid } from "~/modules/client/params.server";
import { getAuthorizationCopy } from "~/modules/consent/service.server";
import { authorizationPdf } from "~/modules/consent/pdf.server";

const ParamsSchema = z.object({ clientId: z.string().uuid(), authorizationId: z.string().uuid() });

/** The client's copy as a PDF download (same access rule and audit as the print page). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireOrganization(request, "clients:read");
  const { clientId, authorizationId } = notFoundUnlessValid(ParamsSchema, params);
  const actor = { userId: auth.user.id, organizationId: auth.organization.id, request: requestMeta(request) };
  const copy = await getAuthorizationCopy({ actor, clientId, authorizationId }).catch(throwHttpError);
  const bytes = await authorizationPdf(copy);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="authorization-${copy.id.slice(0, 8)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
