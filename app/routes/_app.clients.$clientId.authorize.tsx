import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { ClientIdParamSchema } from "~/modules/client/schemas";
import { parseParams } from "~/utils/params.server";
import { getOwnClient } from "~/modules/client/service.server";
import { RecordAuthorizationSchema } from "~/modules/consent/schemas";
import { listRecipientOptions, recordAuthorization } from "~/modules/consent/service.server";
import { AuthorizationForm } from "~/components/consent/authorization-form";
import { CONSENT_CATEGORIES, type ConsentCategory } from "~/modules/consent/categories";
import { safeRedirect } from "~/utils/safe-redirect";
import { uuid } from "~/utils/form-fields";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.authorize");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "clients:write");
  const { clientId } = parseParams(params, ClientIdParamSchema);
  const client = await getOwnClient({ actor, clientId });
  return {
    organization: { id: actor.organizationId, name: actor.organizationName },
    client: { id: client.id, name: client.name, preferredLanguage: client.preferredLanguage },
    recipients: await listRecipientOptions(actor.organizationId),
    today: new Date().toISOString().slice(0, 10),
    // One key per form shown: submitting it again (a lost answer, a double click) records once.
    idempotencyKey: crypto.randomUUID(),
    // Prefill from a referral that needs an authorization first (?recipient=…&category=…).
    prefill: prefillFrom(new URL(request.url).searchParams),
  };
}

const PrefillIdSchema = uuid();

function prefillFrom(search: URLSearchParams) {
  const recipientIds = search.getAll("recipient").flatMap((v) => {
    const id = PrefillIdSchema.safeParse(v);
    return id.success ? [id.data] : [];
  });
  const categories = search.getAll("category").filter((v): v is ConsentCategory => (CONSENT_CATEGORIES as readonly string[]).includes(v));
  return { recipientIds, categories };
}

/** Only the send form may be returned to (a relative path on this site: no open redirect). */
function referralReturnPath(value: string | null): string | null {
  const safe = safeRedirect(value, ""); // same-site, no control or space characters, ASCII
  if (!safe || !/^\/referrals\/new(\?[^#\\]*)?$/.test(safe) || safe.includes("//")) return null;
  return safe;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "clients:write");
  const { clientId } = parseParams(params, ClientIdParamSchema);
  const input = parseForm(await request.formData(), RecordAuthorizationSchema);
  await recordAuthorization({ actor, clientId, input });
  // Back to the referral that was waiting for this authorization, if it came from one.
  const returnTo = referralReturnPath(new URL(request.url).searchParams.get("returnTo"));
  return redirect(returnTo ?? `/clients/${clientId}?recorded=1`);
}

export default function AuthorizePage() {
  const { t } = useTranslation();
  const { organization, client, recipients, today, prefill, idempotencyKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  return (
    <div className="stack narrow">
      <p><Link to={`/clients/${client.id}`}>← {client.name}</Link></p>
      <header className="page-header">
        <h1>{t("consent.authorize.title", { name: client.name })}</h1>
        <p className="muted">{t("consent.authorize.intro")}</p>
      </header>
      <AuthorizationForm
        organization={organization.name}
        client={client}
        recipients={recipients}
        today={today}
        idempotencyKey={idempotencyKey}
        defaultRecipientIds={prefill.recipientIds}
        defaultCategories={prefill.categories}
        errors={actionData}
      />
    </div>
  );
}
