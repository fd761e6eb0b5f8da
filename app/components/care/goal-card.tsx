/** One goal of the client's care plan: its words, its place in the client's order, its next steps and what can be done with it. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PlanGoal } from "~/modules/care/queries.server";
import { CARE_LIMITS, STEP_OWNERS } from "~/modules/care/schemas";
import { addDays, dayOf, isoDay } from "~/modules/care/dates";
import { ConfirmForm } from "~/components/ui/confirm-form";
import { SelectField, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { formatBirthDate, formatDay } from "~/components/consent/format";
import type { GoalEntries } from "~/modules/care/goal-entries.server";
import { RECORD_LIMITS } from "~/modules/care/record-schemas";
import { PeerGroupReach } from "./peer-support";

/** A form's field errors after a post: by the form's intent and, for a goal's own forms, the goal posted. */
export type FieldErrorsFor = (intent: string, field: string, goalId?: string) => string[] | undefined;

function Hidden({ values }: { values: Record<string, string> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

export function StepList({ steps, canWrite, goalId }: { steps: PlanGoal["steps"]; canWrite: boolean; goalId: string }) {
  const { t, i18n } = useTranslation();
  if (steps.length === 0) return <p className="muted small">{t("care.plan.noSteps")}</p>;
  return (
    <ul className="care-steps" aria-label={t("care.plan.steps")}>
      {steps.map((s) => (
        <li key={s.id} className={s.doneAt ? "care-step care-step--done" : "care-step"}>
          <span className="user-text">{s.text}</span>
          <span className="small muted">
            {" "}· {s.owner === "PARTNER" && s.partnerName ? s.partnerName : t(`care.owners.${s.owner}`)} · {t("care.plan.dueOn", { date: formatBirthDate(s.dueOn, i18n.language) })}
            {s.doneAt ? ` · ${s.doneByPartner && s.partnerName ? t("careLive.plan.doneByPartner", { partner: s.partnerName, date: formatDay(s.doneAt, i18n.language) }) : t("care.plan.doneOn", { date: formatDay(s.doneAt, i18n.language) })}` : null}
          </span>
          {s.doneNote ? <p className="small care-step__note"><strong>{t("careLive.plan.partnerNote", { partner: s.partnerName ?? "" })}</strong> <span className="pre-line user-text">{s.doneNote}</span></p> : null}
          {s.peerGroup ? <PeerGroupReach group={s.peerGroup} /> : null}
          {canWrite && !s.doneAt ? (
            <Form method="post" className="inline-form">
              <Hidden values={{ stepId: s.id, goalId }} />
              <button type="submit" name="intent" value="complete-step" className="button button--small" aria-label={t("care.plan.markDone", { step: s.text })}>
                {t("care.plan.done")}
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * A goal's interventions (what will be done) and progress notes (dated, who wrote), append-only
 * (ADR 100); the client's own organization only — a partner's view never has them.
 */
function GoalEntriesSection({ goalId, entries, canWrite, errorsFor }: { goalId: string; entries: GoalEntries[string] | undefined; canWrite: boolean; errorsFor: FieldErrorsFor }) {
  const { t, i18n } = useTranslation();
  const interventions = entries?.interventions ?? [];
  const notes = entries?.progressNotes ?? [];
  const by = (e: { writtenByName: string; writtenAt: string }) => t("careTeam.goal.by", { name: e.writtenByName, date: formatDay(e.writtenAt, i18n.language) });
  return (
    <>
      <p className="small"><strong>{t("careTeam.goal.interventions")}</strong></p>
      {interventions.length === 0 ? <p className="muted small">{t("careTeam.goal.noInterventions")}</p> : (
        <ul className="goal-entries" aria-label={t("careTeam.goal.interventions")}>
          {interventions.map((e) => <li key={e.id}><span className="user-text pre-line">{e.text}</span> <span className="small muted">· {by(e)}</span></li>)}
        </ul>
      )}
      {canWrite ? (
        // Keyed by the count: after a save the form closes, empty.
        <details key={interventions.length} open={!!errorsFor("add-intervention", "text", goalId) || undefined}>
          <summary>{t("careTeam.goal.addIntervention")}</summary>
          <Form method="post" className="grid-form">
            <Hidden values={{ goalId }} />
            <TextField label={t("careTeam.goal.interventionText")} name="text" required maxLength={RECORD_LIMITS.intervention} errors={errorsFor("add-intervention", "text", goalId)} />
            <SubmitButton intent="add-intervention" pendingLabel={t("careTeam.goal.saving")}>{t("careTeam.goal.addIntervention")}</SubmitButton>
          </Form>
        </details>
      ) : null}
      <p className="small"><strong>{t("careTeam.goal.progressNotes")}</strong></p>
      {notes.length === 0 ? <p className="muted small">{t("careTeam.goal.noNotes")}</p> : (
        <ul className="goal-entries" aria-label={t("careTeam.goal.progressNotes")}>
          {notes.map((e) => <li key={e.id}><p className="small muted">{by(e)}</p><p className="user-text pre-line">{e.text}</p></li>)}
        </ul>
      )}
      {canWrite ? (
        <details key={notes.length} open={!!errorsFor("add-progress-note", "text", goalId) || undefined}>
          <summary>{t("careTeam.goal.addNote")}</summary>
          <Form method="post" className="grid-form">
            <Hidden values={{ goalId }} />
            <TextAreaField label={t("careTeam.goal.noteText")} name="text" rows={3} required maxLength={RECORD_LIMITS.progressNote} errors={errorsFor("add-progress-note", "text", goalId)} />
            <SubmitButton intent="add-progress-note" pendingLabel={t("careTeam.goal.saving")}>{t("careTeam.goal.addNote")}</SubmitButton>
          </Form>
        </details>
      ) : null}
    </>
  );
}

export function GoalCard({
  goal, position, count, canWrite, partners, errorsFor, today, entries,
}: { goal: PlanGoal; position: number; count: number; canWrite: boolean; partners: { id: string; name: string }[]; errorsFor: FieldErrorsFor; today: string; entries?: GoalEntries[string] }) {
  const { t } = useTranslation();
  // A form with errors stays open so its messages are seen.
  const stepErrors = ["text", "owner", "partnerOrganizationId", "dueOn"].some((f) => errorsFor("add-step", f, goal.id));
  const changeErrors = !!errorsFor("change-goal", "text", goal.id);
  return (
    <li className="care-goal">
      <div className="care-goal-head">
        <p className="care-goal-text user-text"><span className="badge">{t("care.plan.priority", { n: position })}</span> {goal.text}</p>
        {canWrite ? (
          <Form method="post" className="toolbar care-move">
            <Hidden values={{ intent: "move-goal", goalId: goal.id }} />
            <button type="submit" name="direction" value="up" className="button button--small" disabled={position === 1} aria-label={t("care.plan.moveUp", { goal: goal.text })}>↑</button>
            <button type="submit" name="direction" value="down" className="button button--small" disabled={position === count} aria-label={t("care.plan.moveDown", { goal: goal.text })}>↓</button>
          </Form>
        ) : null}
      </div>
      <p className="small"><strong>{t("care.plan.steps")}</strong></p>
      <StepList steps={goal.steps} canWrite={canWrite} goalId={goal.id} />
      <GoalEntriesSection goalId={goal.id} entries={entries} canWrite={canWrite} errorsFor={errorsFor} />
      {canWrite ? (
        <div className="care-goal-actions">
          <details open={stepErrors || undefined}>
            <summary>{t("care.plan.addStep")}</summary>
            <Form method="post" className="grid-form">
              <Hidden values={{ goalId: goal.id }} />
              <TextField label={t("care.plan.stepText")} name="text" required maxLength={CARE_LIMITS.stepText} errors={errorsFor("add-step", "text", goal.id)} />
              <SelectField label={t("care.plan.who")} name="owner" required options={STEP_OWNERS.map((o) => ({ value: o, label: t(`care.owners.${o}`) }))} errors={errorsFor("add-step", "owner", goal.id)} />
              <SelectField label={t("care.plan.partner")} name="partnerOrganizationId" placeholder={t("care.plan.choosePartner")} options={partners.map((p) => ({ value: p.id, label: p.name }))} errors={errorsFor("add-step", "partnerOrganizationId", goal.id)} />
              <TextField label={t("care.plan.due")} name="dueOn" type="date" required min={today} max={isoDay(addDays(dayOf(today), CARE_LIMITS.stepDueMaxDays))} errors={errorsFor("add-step", "dueOn", goal.id)} />
              <SubmitButton intent="add-step" pendingLabel={t("care.plan.saving")}>{t("care.plan.addStep")}</SubmitButton>
            </Form>
          </details>
          <details open={changeErrors || undefined}>
            <summary>{t("care.plan.change")}</summary>
            <Form method="post" className="grid-form">
              <Hidden values={{ goalId: goal.id }} />
              <TextField label={t("care.plan.changeText")} name="text" required maxLength={CARE_LIMITS.goalText} defaultValue={goal.text} errors={errorsFor("change-goal", "text", goal.id)} />
              <SubmitButton intent="change-goal" pendingLabel={t("care.plan.saving")}>{t("care.plan.save")}</SubmitButton>
            </Form>
          </details>
          <div className="toolbar">
            <Form method="post" className="inline-form">
              <Hidden values={{ goalId: goal.id }} />
              <SubmitButton intent="achieve-goal" className="button button--small" pendingLabel={t("care.plan.saving")}>{t("care.plan.achieve")}</SubmitButton>
            </Form>
            <ConfirmForm question={t("care.plan.setAsideQuestion")} confirmLabel={t("care.plan.setAsideConfirm")} hidden={{ intent: "set-aside-goal", goalId: goal.id, confirm: "yes" }}>
              {t("care.plan.setAside")}
            </ConfirmForm>
          </div>
        </div>
      ) : null}
    </li>
  );
}
