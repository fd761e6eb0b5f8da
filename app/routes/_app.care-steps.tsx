import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { PartnerStepDoneSchema } from "~/modules/care/live-schemas";
import { completePartnerStep, getPartnerTasks } from "~/modules/care/partner-steps.server";
import { isoDay, todayUtc } from "~/modules/care/dates";
import { PartnerTasks } from "~/components/care/partner-tasks";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("careLive.pageTitle");

/** A partner organization's next steps on shared care plans, under consent (ADR 101). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "care:read");
  const tasks = await getPartnerTasks({ actor });
  return { tasks, today: isoDay(todayUtc()), canWrite: actor.permissions.has("care:write") };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "care:write");
  const input = parseForm(await request.formData(), PartnerStepDoneSchema);
  const { stepId } = await completePartnerStep({ actor, input });
  return { done: stepId };
}

export default function PartnerTasksPage() {
  const { tasks, today, canWrite } = useLoaderData<typeof loader>();
  const result = useActionData<FormErrors & { done?: string }>();
  return <PartnerTasks tasks={tasks} today={today} canWrite={canWrite} result={result} />;
}
