/**
 * The send form's check, as JSON for the form's fetcher: does an authorization in effect cover
 * this recipient (and which categories), the service's capacity and when it was confirmed, and
 * the fit warnings. Every category is checked at once, so the form can default to what is
 * covered and say what is missing without asking again when a box is ticked.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { CONSENT_CATEGORIES } from "~/modules/consent/categories";
import { GRAVITY_CODES } from "~/modules/sdoh/roll-up";
import { checkReferral } from "~/modules/referral/open.server";
import { requireActor } from "~/modules/auth/guard.server";
import { AppError } from "~/utils/app-error";
import { translatable } from "~/utils/translatable";

const many = (v: string[]) => v.filter((s) => s.length > 0);
const CheckQuerySchema = z.object({
  clientId: z.string().uuid(),
  recipientOrganizationId: z.string().uuid(),
  serviceId: z.string().uuid().optional().catch(undefined),
  sdohCodes: z.array(z.enum(GRAVITY_CODES)).catch([]),
});

import type { ReferralCheckJson } from "~/modules/referral/schemas";

export type { ReferralCheckJson };

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "referrals:send");
  const url = new URL(request.url);
  const parsed = CheckQuerySchema.safeParse({
    clientId: url.searchParams.get("clientId"),
    recipientOrganizationId: url.searchParams.get("recipientOrganizationId"),
    serviceId: url.searchParams.get("serviceId") || undefined,
    sdohCodes: many(url.searchParams.getAll("sdohCodes")),
  });
  // The form shows `error`: a translatable, worded by the one error mapper in the page's language.
  if (!parsed.success) throw new AppError({ message: translatable("errors.services.referral.chooseClientAndOrg"), status: 400 });
  const q = parsed.data;
  const check = await checkReferral({ actor, clientId: q.clientId, recipientOrganizationId: q.recipientOrganizationId, serviceId: q.serviceId ?? null, categories: CONSENT_CATEGORIES, needs: q.sdohCodes });
  const body: ReferralCheckJson = {
    client: check.client,
    covered: check.consent.granted,
    refused: check.consent.refused,
    service: check.service ? { ...check.service, capacityConfirmedAt: check.service.capacityConfirmedAt?.toISOString() ?? null } : null,
    warnings: check.warnings,
  };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
