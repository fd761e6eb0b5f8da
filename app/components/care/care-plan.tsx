/** The client's care plan page, for the client's own organization and for a consented partner (issue #15). */
import { Form, Link } from "@remix-run/react";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OwnPlanView, SharedPlanView, PlanGoal } from "~/modules/care/queries.server";
import { FormError, Notice, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { formatBirthDate, formatDay } from "~/components/consent/format";
import { CARE_LIMITS } from "~/modules/care/schemas";
import { GoalCard, StepList, type FieldErrorsFor } from "./goal-card";
import type { GoalEntries } from "~/modules/care/goal-entries.server";

export type PlanPermissions = { canWrite: boolean; canAssign: boolean };

function EnrollmentCard({ view, canWrite, errorsFor, today }: { view: OwnPlanView; canWrite: boolean; errorsFor: FieldErrorsFor; today: string }) {
  const { t, i18n } = useTranslation();
  const e = view.enrollment;
  const day = (d: string) => formatBirthDate(d, i18n.language);
  const program = e?.program ?? t("care.plan.defaultProgram");
  return (
    <section className="card" aria-labelledby="enrollment-title">
      <h2 id="enrollment-title">{t("care.plan.enrollment")}</h2>
      {e ? (
        <p>
          <span className="status">{t(`care.statuses.${e.status}`)}</span>{" "}
          {t("care.plan.statusLine", { program: e.program, date: day(e.enrolledOn ?? e.decidedOn) })}
          {e.reachOutOn ? ` · ${t("care.plan.reachOutOn")} ${day(e.reachOutOn)}` : null}
        </p>
      ) : (
        <p className="muted">{t("care.plan.notDecided")}</p>
      )}
      {canWrite && e?.status !== "ENROLLED" ? (
        <div className="stack">
          <Form method="post" className="grid-form">
            <TextField label={t("care.plan.program")} name="program" required maxLength={CARE_LIMITS.program} defaultValue={program} errors={errorsFor("enroll", "program")} />
            <SubmitButton intent="enroll" pendingLabel={t("care.plan.enrolling")}>{t("care.plan.enroll")}</SubmitButton>
          </Form>
          <details open={!!errorsFor("decline-for-now", "reachOutOn") || !!errorsFor("decline-for-now", "note") || undefined}>
            <summary>{t("care.plan.declineForNow")}</summary>
            <p className="small muted">{t("care.plan.declineHint")}</p>
            <Form method="post" className="grid-form">
              <input type="hidden" name="program" value={program} />
              <TextField label={t("care.plan.reachOutOn")} name="reachOutOn" type="date" required min={today} errors={errorsFor("decline-for-now", "reachOutOn")} />
              <TextAreaField label={t("care.plan.note")} name="note" maxLength={CARE_LIMITS.note} rows={2} errors={errorsFor("decline-for-now", "note")} />
              <SubmitButton intent="decline-for-now" className="button" pendingLabel={t("care.plan.saving")}>{t("care.plan.save")}</SubmitButton>
            </Form>
          </details>
          <details>
            <summary>{t("care.plan.notAGoodFit")}</summary>
            <p className="small muted">{t("care.plan.notAGoodFitHint")}</p>
            <Form method="post" className="grid-form">
              <input type="hidden" name="program" value={program} />
              <TextAreaField label={t("care.plan.note")} name="note" maxLength={CARE_LIMITS.note} rows={2} errors={errorsFor("not-a-good-fit", "note")} />
              <SubmitButton intent="not-a-good-fit" className="button" pendingLabel={t("care.plan.saving")}>{t("care.plan.save")}</SubmitButton>
            </Form>
          </details>
        </div>
      ) : null}
      {view.decisions.length > 1 ? (
        <details>
          <summary>{t("care.plan.history")}</summary>
          <ul className="plain-list small">
            {view.decisions.slice(1).map((d) => (
              <li key={d.id}>
                {t(`care.statuses.${d.status}`)} · {d.program} · {day(d.decidedOn)}
                {d.note ? <span className="pre-line user-text"> — {d.note}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function CareManagerCard({ view, canAssign, careManagers, errorsFor }: { view: OwnPlanView; canAssign: boolean; careManagers: { id: string; name: string }[]; errorsFor: FieldErrorsFor }) {
  const { t, i18n } = useTranslation();
  const enrolled = view.enrollment?.status === "ENROLLED";
  return (
    <section className="card" aria-labelledby="manager-title">
      <h2 id="manager-title">{t("care.plan.careManager")}</h2>
      <p>{view.careManager?.name || t("care.plan.noCareManager")}</p>
      {canAssign && enrolled ? (
        <details open={!!errorsFor("reassign", "careManagerId") || !!errorsFor("reassign", "handoffNote") || undefined}>
          <summary>{t("care.plan.reassign")}</summary>
          <Form method="post" className="grid-form">
            <SelectField label={t("care.plan.newCareManager")} name="careManagerId" required options={careManagers.filter((m) => m.id !== view.careManager?.id).map((m) => ({ value: m.id, label: m.name }))} errors={errorsFor("reassign", "careManagerId")} />
            <TextAreaField label={t("care.plan.handoffNote")} hint={t("care.plan.handoffHint")} name="handoffNote" required maxLength={CARE_LIMITS.handoffNote} rows={3} errors={errorsFor("reassign", "handoffNote")} />
            <SubmitButton intent="reassign" pendingLabel={t("care.plan.saving")}>{t("care.plan.reassign")}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {view.assignments.length > 1 ? (
        <details>
          <summary>{t("care.plan.assignmentHistory")}</summary>
          <ul className="plain-list small">
            {view.assignments.map((a) => (
              <li key={a.id}>
                <strong>{a.careManagerName}</strong> · {a.endedAt ? t("care.plan.fromTo", { from: formatDay(a.startedAt, i18n.language), to: formatDay(a.endedAt, i18n.language) }) : t("care.plan.since", { date: formatDay(a.startedAt, i18n.language) })}
                {a.handoffNote ? <p className="pre-line user-text">{a.handoffNote}</p> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function GoalsCard({ goals, canWrite, partners, errorsFor, today, goalEntries }: { goals: PlanGoal[]; canWrite: boolean; partners: { id: string; name: string }[]; errorsFor: FieldErrorsFor; today: string; goalEntries?: GoalEntries }) {
  const { t, i18n } = useTranslation();
  const active = goals.filter((g) => g.status === "ACTIVE");
  const earlier = goals.filter((g) => g.status !== "ACTIVE");
  return (
    <section className="card" aria-labelledby="goals-title">
      <h2 id="goals-title">{t("care.plan.goals")}</h2>
      <p className="muted small">{t("care.plan.goalsIntro")}</p>
      {active.length === 0 ? <p className="empty-state empty-state--small">{t("care.plan.noGoals")}</p> : (
        <ol className="care-goals">
          {active.map((g, i) => <GoalCard key={g.id} goal={g} position={i + 1} count={active.length} canWrite={canWrite} partners={partners} errorsFor={errorsFor} today={today} entries={goalEntries?.[g.id]} />)}
        </ol>
      )}
      {canWrite ? (
        <Form method="post" className="grid-form">
          <TextField label={t("care.plan.goalText")} hint={t("care.plan.goalHint")} name="text" required maxLength={CARE_LIMITS.goalText} errors={errorsFor("add-goal", "text")} />
          <div className="grid-form__actions">
            <SubmitButton intent="add-goal" pendingLabel={t("care.plan.saving")}>{t("care.plan.addGoal")}</SubmitButton>
          </div>
        </Form>
      ) : null}
      {earlier.length ? (
        <details>
          <summary>{t("care.plan.earlierGoals")}</summary>
          <ul className="plain-list">
            {earlier.map((g) => (
              <li key={g.id}>
                <span className="user-text">{g.text}</span>{" "}
                <span className="small muted">{t("care.plan.closedOn", { status: t(`care.goalStatuses.${g.status}`), date: g.statusChangedOn ? formatBirthDate(g.statusChangedOn, i18n.language) : "" })}</span>
                {g.statusNote ? <p className="small pre-line user-text">{g.statusNote}</p> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function ReviewsCard({ plan, canWrite, errorsFor, today }: { plan: NonNullable<OwnPlanView["plan"]>; canWrite: boolean; errorsFor: FieldErrorsFor; today: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t("care.plan.reviews")}</h2>
      <p>{plan.lastReviewedOn ? t("care.plan.lastReviewed", { date: formatBirthDate(plan.lastReviewedOn, i18n.language) }) : t("care.plan.neverReviewed")}</p>
      {canWrite ? (
        <details open={!!errorsFor("review-plan", "reviewedOn") || !!errorsFor("review-plan", "note") || undefined}>
          <summary>{t("care.plan.recordReview")}</summary>
          <Form method="post" className="grid-form">
            <TextField label={t("care.plan.reviewedOn")} name="reviewedOn" type="date" required max={today} defaultValue={today} errors={errorsFor("review-plan", "reviewedOn")} />
            <TextAreaField label={t("care.plan.note")} name="note" maxLength={CARE_LIMITS.note} rows={2} errors={errorsFor("review-plan", "note")} />
            <SubmitButton intent="review-plan" pendingLabel={t("care.plan.saving")}>{t("care.plan.recordReview")}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {plan.reviews.length ? (
        <ul className="plain-list small">
          {plan.reviews.map((r) => (
            <li key={r.id}>
              {t("care.plan.reviewBy", { date: formatBirthDate(r.reviewedOn, i18n.language), name: r.reviewerName })}
              {r.note ? <p className="pre-line user-text">{r.note}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function OwnCarePlan({ view, permissions, careManagers, partners, errorsFor, formError, saved, today, contactLog, team, assessment, goalEntries }: {
  view: OwnPlanView; permissions: PlanPermissions; careManagers: { id: string; name: string }[]; partners: { id: string; name: string }[]; errorsFor: FieldErrorsFor; formError?: string; saved: boolean; today: string;
  /** The level of care and contact log card (contact-log.tsx), shown after the care manager. */
  contactLog?: ReactNode;
  /** The care team (team-card.tsx) after the care manager, and the 30-day assessment (assessment-card.tsx) before the goals (ADR 100). */
  team?: ReactNode;
  assessment?: ReactNode;
  /** Each goal's interventions and progress notes (own organization only). */
  goalEntries?: GoalEntries;
}) {
  const { t } = useTranslation();
  // Which goal's form was sent last, so its errors show on that goal only (without JavaScript every
  // goal's form of that kind shows them: still readable, never lost).
  const [postedGoal, setPostedGoal] = useState<string | undefined>();
  const onSubmit = (event: FormEvent<HTMLDivElement>) => {
    const form = event.target as HTMLFormElement;
    setPostedGoal((form.elements.namedItem("goalId") as HTMLInputElement | null)?.value);
  };
  const scoped: FieldErrorsFor = (intent, field, goalId) => (goalId && postedGoal && goalId !== postedGoal ? undefined : errorsFor(intent, field));
  return (
    <div className="stack" onSubmitCapture={onSubmit}>
      <p><Link to={`/clients/${view.client.id}`}>← {t("care.plan.back")}</Link></p>
      <header className="page-header">
        <h1>{t("care.plan.titleFor", { name: view.client.name })}</h1>
        <p className="muted">{t("care.plan.intro")}</p>
      </header>
      {saved ? <Notice>{t("care.plan.saved")}</Notice> : null}
      <FormError message={formError} />
      <EnrollmentCard view={view} canWrite={permissions.canWrite} errorsFor={scoped} today={today} />
      {view.plan ? (
        <>
          <CareManagerCard view={view} canAssign={permissions.canAssign} careManagers={careManagers} errorsFor={scoped} />
          {team}
          {contactLog}
          {assessment}
          <GoalsCard goals={view.plan.goals} canWrite={permissions.canWrite && view.enrollment?.status === "ENROLLED"} partners={partners} errorsFor={scoped} today={today} goalEntries={goalEntries} />
          <ReviewsCard plan={view.plan} canWrite={permissions.canWrite && view.enrollment?.status === "ENROLLED"} errorsFor={scoped} today={today} />
        </>
      ) : null}
    </div>
  );
}

export function SharedCarePlan({ view }: { view: SharedPlanView }) {
  const { t, i18n } = useTranslation();
  const active = view.plan?.goals.filter((g) => g.status === "ACTIVE") ?? [];
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("care.plan.sharedTitle", { organization: view.organizationName })}</h1>
        <p className="muted">{t("care.plan.sharedIntro")}</p>
      </header>
      {!view.plan ? <p className="empty-state">{t("care.plan.noPlan")}</p> : (
        <section className="card" aria-labelledby="goals-title">
          <h2 id="goals-title">{t("care.plan.goals")}</h2>
          <p>{view.plan.lastReviewedOn ? t("care.plan.lastReviewed", { date: formatBirthDate(view.plan.lastReviewedOn, i18n.language) }) : t("care.plan.neverReviewed")}</p>
          {active.length === 0 ? <p className="empty-state empty-state--small">{t("care.plan.noGoals")}</p> : (
            <ol className="care-goals">
              {active.map((g) => (
                <li key={g.id} className="care-goal">
                  <p className="care-goal-text user-text">{g.text}</p>
                  <StepList steps={g.steps} canWrite={false} goalId={g.id} />
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
