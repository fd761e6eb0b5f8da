/**
 * A partner organization's own next steps on shared care plans (issue #15, ADR 101): what to do,
 * for whom (the name only when the authorization covers it), the client's goal it serves, by when;
 * marked done with an optional short note. New steps arrive live.
 */
import { Form, Link } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { PartnerTask } from "~/modules/care/partner-steps.server";
import { CARE_LIVE_LIMITS, PartnerStepDoneSchema } from "~/modules/care/live-schemas";
import { FormError, Notice, SubmitButton, TextAreaField } from "~/components/ui/form";
import { schemaField, useSchemaForm, type FormResult } from "~/components/ui/schema-form";
import { formatBirthDate, formatDay } from "~/components/consent/format";
import { useCareStepsLive } from "./use-care-live";

function ForWhom({ task }: { task: PartnerTask }) {
  const { t } = useTranslation();
  return (
    <p className="small">
      {task.clientName ? <span className="user-text">{t("careLive.tasks.forClient", { name: task.clientName, organization: task.organizationName })}</span> : t("careLive.tasks.aClientOf", { organization: task.organizationName })}
      {" · "}
      <Link to={`/clients/${task.clientId}/plan`}>{t("careLive.tasks.openPlan")}</Link>
    </p>
  );
}

function OpenTask({ task, today, canWrite, result }: { task: PartnerTask; today: string; canWrite: boolean; result?: FormResult }) {
  const { t, i18n } = useTranslation();
  const done = useSchemaForm({ schema: PartnerStepDoneSchema, result, intent: "partner-step-done", id: `done-${task.stepId}` });
  const overdue = task.dueOn < today;
  return (
    <li className="care-task">
      <p className="care-task__text user-text"><strong>{task.text}</strong></p>
      <p className="small">
        {overdue ? <><span className="badge badge--overdue">{t("careLive.tasks.overdue")}</span> </> : null}
        {t("careLive.tasks.due", { date: formatBirthDate(task.dueOn, i18n.language) })}
      </p>
      <p className="small">{t("careLive.tasks.goal")} <span className="user-text">{task.goalText}</span></p>
      <ForWhom task={task} />
      {canWrite ? (
        <details open={!!done.form.fieldErrors.note || !!done.form.error || undefined}>
          <summary>{t("careLive.tasks.markDone")}</summary>
          <FormError message={done.form.error} />
          <Form method="post" className="grid-form" {...done.form.props} aria-label={t("careLive.tasks.markDoneFor", { step: task.text })}>
            <input type="hidden" name="stepId" value={task.stepId} />
            <TextAreaField label={t("careLive.tasks.note")} hint={t("careLive.tasks.noteHint", { max: CARE_LIVE_LIMITS.doneNote })} rows={2} {...schemaField(done.fields.note)} />
            <SubmitButton intent="partner-step-done" pendingLabel={t("careLive.tasks.saving")}>{t("careLive.tasks.markDone")}</SubmitButton>
          </Form>
        </details>
      ) : null}
    </li>
  );
}

export function PartnerTasks({ tasks, today, canWrite, result }: { tasks: { open: PartnerTask[]; done: PartnerTask[] }; today: string; canWrite: boolean; result?: FormResult & { done?: string } }) {
  const { t, i18n } = useTranslation();
  const [arrived, setArrived] = useState(false);
  useCareStepsLive({ onChange: (event) => event.kind === "assigned" && setArrived(true) });
  // Which step's form was sent last, so an error shows under that step only.
  const [posted, setPosted] = useState<string | undefined>();
  const onSubmit = (event: FormEvent<HTMLDivElement>) => setPosted(((event.target as HTMLFormElement).elements.namedItem("stepId") as HTMLInputElement | null)?.value);
  return (
    <div className="stack" onSubmitCapture={onSubmit}>
      <header className="page-header">
        <h1>{t("careLive.tasks.title")}</h1>
        <p className="muted">{t("careLive.tasks.intro")}</p>
      </header>
      <div aria-live="polite">{arrived ? <p className="alert alert--success">{t("careLive.tasks.arrived")}</p> : null}</div>
      {result?.done ? <Notice>{t("careLive.tasks.saved")}</Notice> : null}
      <section className="card" aria-labelledby="tasks-open">
        <h2 id="tasks-open">{t("careLive.tasks.openTitle", { count: tasks.open.length })}</h2>
        {tasks.open.length === 0 ? (
          <div className="empty-state">
            <p><strong>{t("careLive.tasks.empty")}</strong></p>
            <p>{t("careLive.tasks.emptyHint")}</p>
          </div>
        ) : (
          <ul className="care-tasks plain-list">
            {tasks.open.map((task) => <OpenTask key={task.stepId} task={task} today={today} canWrite={canWrite} result={posted === task.stepId ? result : undefined} />)}
          </ul>
        )}
      </section>
      {tasks.done.length ? (
        <section className="card" aria-labelledby="tasks-done">
          <h2 id="tasks-done">{t("careLive.tasks.doneTitle")}</h2>
          <ul className="care-tasks plain-list">
            {tasks.done.map((task) => (
              <li key={task.stepId} className="care-task care-task--done">
                <p className="user-text">{task.text}</p>
                <p className="small">{t("careLive.tasks.doneOn", { date: formatDay(task.doneAt!, i18n.language) })}</p>
                {task.doneNote ? <p className="small pre-line user-text">{t("careLive.tasks.yourNote", { note: task.doneNote })}</p> : null}
                <ForWhom task={task} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
