import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { SendReferralPrefillSchema, SendReferralSchema } from "~/modules/referral/schemas";
import { sendReferral } from "~/modules/referral/service.server";
import { requireActor } from "~/modules/auth/guard.server";
import { sendFormOptions } from "~/modules/referral/pages.server";
import { NewReferralForm } from "~/components/referral/new-referral-form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.newReferral");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "referrals:send");
  const { clientId, organizationId, serviceId, assetId, clientQuery } = SendReferralPrefillSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const options = await sendFormOptions(actor, { clientId, clientQuery });
  const service = serviceId ? options.services.find((s) => s.id === serviceId) : undefined;
  return {
    ...options,
    organization: actor.organizationName,
    prefill: {
      clientId: options.client?.id ?? "",
      clientQuery: clientQuery ?? "",
      recipientOrganizationId: service?.organizationId ?? (organizationId && options.partners.some((p) => p.id === organizationId) ? organizationId : ""),
      serviceId: service?.id ?? "",
      assetId: service ? (assetId ?? "") : "",
    },
    /** Made when the form is drawn; kept across revalidations, so a resend is recognized. */
    idempotencyKey: crypto.randomUUID(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "referrals:send");
  const { intent: _intent, ...input } = parseForm(await request.formData(), SendReferralSchema);
  const { referral } = await sendReferral({ actor, input });
  return redirect(`/referrals/${referral.id}?sent=1`);
}

export default function NewReferralPage() {
  return <NewReferralForm data={useLoaderData<typeof loader>()} actionResult={useActionData<FormErrors>()} />;
}
