import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { parseParams } from "~/utils/params.server";
import { ClientIdParamSchema } from "~/modules/client/schemas";
import { CARE_PLAN_FORMS, CarePlanIntentSchema } from "~/modules/care/schemas";
import { applyCarePlanForm } from "~/modules/care/service.server";
import { careManagerOptions, getCarePlanForViewer, stepPartnerOptions } from "~/modules/care/queries.server";
import { isoDay, todayUtc } from "~/modules/care/dates";
import { CARE_CONTACT_FORMS, isCareContactIntent } from "~/modules/care/contact-schemas";
import { applyCareContactForm, getContactLog } from "~/modules/care/contacts.server";
import { OwnCarePlan, SharedCarePlan } from "~/components/care/care-plan";
import { ContactLogCard } from "~/components/care/contact-log";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.carePlan");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "care:read");
  const { clientId } = parseParams(params, ClientIdParamSchema);
  const view = await getCarePlanForViewer({ actor, clientId });
  const permissions = { canWrite: actor.permissions.has("care:write"), canAssign: actor.permissions.has("care:assign") };
  const own = view.access === "own";
  const [careManagers, partners, contactLog] = await Promise.all([
    own && permissions.canAssign ? careManagerOptions({ actor }) : [],
    own && permissions.canWrite ? stepPartnerOptions({ actor }) : [],
    own ? getContactLog({ actor, clientId }) : null,
  ]);
  return { view, permissions, careManagers, partners, contactLog, today: isoDay(todayUtc()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "care:write");
  const { clientId } = parseParams(params, ClientIdParamSchema);
  const formData = await request.formData();
  const sent = formData.get("intent");
  if (isCareContactIntent(sent)) return applyCareContactForm({ actor, clientId, input: parseForm(formData, CARE_CONTACT_FORMS[sent]) });
  const { intent } = parseForm(formData, CarePlanIntentSchema);
  const input = parseForm(formData, CARE_PLAN_FORMS[intent]);
  return applyCarePlanForm({ actor, clientId, input });
}

export default function CarePlanPage() {
  const { view, permissions, careManagers, partners, contactLog, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors & { done?: string }>();
  if (view.access === "shared") return <SharedCarePlan view={view} />;
  const errorsFor = (intent: string, field: string) => (actionData?.intent === intent ? actionData.fieldErrors?.[field] : undefined);
  return (
    <OwnCarePlan
      view={view}
      permissions={permissions}
      careManagers={careManagers}
      partners={partners}
      errorsFor={errorsFor}
      formError={actionData?.formError}
      saved={!!actionData?.done}
      today={today}
      contactLog={contactLog ? <ContactLogCard log={contactLog} canWrite={permissions.canWrite} result={actionData} today={today} /> : null}
    />
  );
}
