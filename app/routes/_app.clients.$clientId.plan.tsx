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
import { GRADUATION_FORMS, isGraduationIntent } from "~/modules/care/graduation-schemas";
import { applyGraduationForm, getGraduationView, practiceOptions } from "~/modules/care/graduation.server";
import { GraduationCard, WrittenCopyLink, type GraduationResult } from "~/components/care/graduation-card";
import { i18nServer } from "~/i18n/i18next.server";
import { CARE_RECORD_FORMS, isCareRecordIntent } from "~/modules/care/record-schemas";
import { applyCareRecordForm } from "~/modules/care/record-forms.server";
import { getAssessment } from "~/modules/care/assessment.server";
import { getGoalEntries } from "~/modules/care/goal-entries.server";
import { getCareTeam, teamOrganizationOptions } from "~/modules/care/team.server";
import { AssessmentCard } from "~/components/care/assessment-card";
import { TeamCard } from "~/components/care/team-card";
import { CARE_LIVE_PLAN_FORMS, isCareLivePlanIntent, PeerSupportQuerySchema } from "~/modules/care/live-schemas";
import { connectPeerSupport, findPeerSupportGroups } from "~/modules/care/peer-support.server";
import { PeerSupportCard } from "~/components/care/peer-support";
import { CarePlanLive } from "~/components/care/care-plan-live";
import { parseSearchParams } from "~/utils/params.server";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.carePlan");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "care:read");
  const { clientId } = parseParams(params, ClientIdParamSchema);
  const view = await getCarePlanForViewer({ actor, clientId });
  const permissions = { canWrite: actor.permissions.has("care:write"), canAssign: actor.permissions.has("care:assign") };
  const own = view.access === "own";
  const peerSearch = own && permissions.canWrite && view.enrollment?.status === "ENROLLED";
  const { peer } = await parseSearchParams(request, PeerSupportQuerySchema);
  const [careManagers, partners, contactLog, graduation, practices, peerGroups] = await Promise.all([
    own && permissions.canAssign ? careManagerOptions({ actor }) : [],
    own && permissions.canWrite ? stepPartnerOptions({ actor }) : [],
    own ? getContactLog({ actor, clientId }) : null,
    own ? getGraduationView({ actor, clientId }) : null,
    own && permissions.canWrite ? practiceOptions({ actor }) : [],
    peerSearch ? findPeerSupportGroups({ actor, q: peer }) : [],
  ]);
  // The assessment, goals' notes and care team (ADR 100): the client's own organization only.
  const [assessment, goalEntries, team, teamOptions] = await Promise.all([
    own ? getAssessment({ actor, clientId }) : null,
    own ? getGoalEntries({ actor, clientId }) : {},
    own ? getCareTeam({ actor, clientId }) : [],
    own && permissions.canWrite ? teamOrganizationOptions({ actor, clientId }) : [],
  ]);
  return { view, permissions, careManagers, partners, contactLog, graduation, practices, assessment, goalEntries, team, teamOptions, peerGroups, peer: peer ?? "", today: isoDay(todayUtc()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "care:write");
  const { clientId } = parseParams(params, ClientIdParamSchema);
  const formData = await request.formData();
  const sent = formData.get("intent");
  if (isCareRecordIntent(sent)) return applyCareRecordForm({ actor, clientId, input: parseForm(formData, CARE_RECORD_FORMS[sent]) });
  if (isCareContactIntent(sent)) return applyCareContactForm({ actor, clientId, input: parseForm(formData, CARE_CONTACT_FORMS[sent]) });
  // Graduation's forms (ADR 098) have their own schemas and service.
  if (isGraduationIntent(sent)) {
    const input = parseForm(formData, GRADUATION_FORMS[sent]);
    return applyGraduationForm({ actor, clientId, input, locale: await i18nServer.getLocale(request) });
  }
  // Peer support from the plan (ADR 101).
  if (isCareLivePlanIntent(sent)) {
    await connectPeerSupport({ actor, clientId, input: parseForm(formData, CARE_LIVE_PLAN_FORMS[sent]) });
    return { done: sent };
  }
  const { intent } = parseForm(formData, CarePlanIntentSchema);
  const input = parseForm(formData, CARE_PLAN_FORMS[intent]);
  return applyCarePlanForm({ actor, clientId, input });
}

export default function CarePlanPage() {
  const { view, permissions, careManagers, partners, contactLog, graduation, practices, assessment, goalEntries, team, teamOptions, peerGroups, peer, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors & { done?: string; handoff?: GraduationResult["handoff"] }>();
  if (view.access === "shared") return <CarePlanLive planId={view.plan?.id}><SharedCarePlan view={view} /></CarePlanLive>;
  const errorsFor = (intent: string, field: string) => (actionData?.intent === intent ? actionData.fieldErrors?.[field] : undefined);
  const graduationResult = actionData?.intent && isGraduationIntent(actionData.intent) ? actionData : actionData?.done && isGraduationIntent(actionData.done) ? { ...actionData, intent: actionData.done } : undefined;
  return (
    <CarePlanLive planId={view.plan?.id}>
    <OwnCarePlan
      view={view}
      permissions={permissions}
      careManagers={careManagers}
      partners={partners}
      errorsFor={errorsFor}
      formError={actionData?.formError}
      saved={!!actionData?.done && !graduationResult}
      today={today}
      contactLog={contactLog ? <ContactLogCard log={contactLog} canWrite={permissions.canWrite} result={actionData} today={today} /> : null}
      team={view.enrollment?.status === "ENROLLED" || team.length ? <TeamCard members={team} careManagerName={view.careManager?.name ?? null} options={teamOptions} canWrite={permissions.canWrite && view.enrollment?.status === "ENROLLED"} result={actionData} /> : null}
      assessment={assessment ? <AssessmentCard view={assessment} canWrite={permissions.canWrite} errorsFor={errorsFor} today={today} /> : null}
      goalEntries={goalEntries}
    />
    {view.plan && permissions.canWrite && view.enrollment?.status === "ENROLLED" ? <PeerSupportCard goals={view.plan.goals} groups={peerGroups} query={peer} today={today} result={actionData} /> : null}
    {view.plan ? <WrittenCopyLink clientId={view.client.id} /> : null}
    {graduation && (view.enrollment?.status === "ENROLLED" || graduation.graduations.length) ? (
      <GraduationCard clientId={view.client.id} view={graduation} status={view.enrollment?.status ?? null} canWrite={permissions.canWrite} practices={practices} result={graduationResult} />
    ) : null}
    </CarePlanLive>
  );
}
