/**
 * The care plan page's 30-day assessment (issue #15, ADR 100): sections done and due, days left or
 * overdue, and each section saved on its own — strengths and what matters in the person's words,
 * needs per Healthy People 2030 domain as Gravity codes. Forms work without JavaScript; a section's
 * errors show on the section posted.
 */
import { Form } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AssessmentView } from "~/modules/care/assessment.server";
import { ASSESSMENT_LIMITS, ASSESSMENT_SECTIONS, SECTION_DOMAIN, sectionCodes, type AssessmentSection } from "~/modules/care/assessment-schemas";
import { SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { formatBirthDate } from "~/components/consent/format";
import type { FieldErrorsFor } from "./goal-card";

function SectionForm({ section, view, errors, today }: { section: AssessmentSection; view: AssessmentView; errors: (field: string) => string[] | undefined; today: string }) {
  const { t } = useTranslation();
  const saved = view.sections[section];
  const needs = SECTION_DOMAIN[section] !== null;
  const codeErrors = errors("sdohCodes");
  return (
    <Form method="post" className="grid-form">
      <input type="hidden" name="section" value={section} />
      {needs ? (
        <fieldset className="assessment-codes" aria-describedby={codeErrors ? `codes-${section}-error` : undefined}>
          <legend>{t("careAssessment.card.needs")}</legend>
          <p className="small muted">{t("careAssessment.hints.needs")}</p>
          {sectionCodes(section).map((code) => (
            <label key={code} className="check">
              <input type="checkbox" name="sdohCodes" value={code} defaultChecked={saved?.sdohCodes.includes(code)} /> <span>{t(`directory.sdoh.${code}`)}</span>
            </label>
          ))}
          {codeErrors ? <p id={`codes-${section}-error`} className="field-error">{codeErrors.join(" ")}</p> : null}
        </fieldset>
      ) : null}
      <TextAreaField
        label={needs ? t("careAssessment.card.note") : t("careAssessment.card.words")}
        hint={needs ? undefined : t(`careAssessment.hints.${section}`)}
        name="text"
        rows={3}
        required={!needs}
        maxLength={ASSESSMENT_LIMITS.text}
        defaultValue={saved?.text ?? ""}
        errors={errors("text")}
      />
      <TextField label={t("careAssessment.card.completedOn")} name="completedOn" type="date" required min={view.enrolledOn} max={today} defaultValue={today} errors={errors("completedOn")} />
      <SubmitButton intent="save-assessment-section" pendingLabel={t("careAssessment.card.saving")}>{t("careAssessment.card.save")}</SubmitButton>
    </Form>
  );
}

export function AssessmentCard({ view, canWrite, errorsFor, today }: { view: AssessmentView; canWrite: boolean; errorsFor: FieldErrorsFor; today: string }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatBirthDate(d, i18n.language);
  const [posted, setPosted] = useState<string | undefined>();
  const onSubmit = (event: FormEvent<HTMLElement>) => {
    const form = event.target as HTMLFormElement;
    setPosted((form.elements.namedItem("section") as HTMLInputElement | null)?.value);
  };
  const errorsOf = (section: AssessmentSection) => (field: string) => (posted && posted !== section ? undefined : errorsFor("save-assessment-section", field));
  return (
    <section className="card" aria-labelledby="assessment-title" onSubmitCapture={onSubmit}>
      <h2 id="assessment-title">{t("careAssessment.card.title")}</h2>
      <p className="muted small">{t("careAssessment.card.intro")}</p>
      <p>
        <strong>{t("careAssessment.card.progress", { done: view.sectionsDone, total: view.sectionsTotal })}</strong>
        {" · "}
        {view.status === "complete" ? <span className="status status--onTrack">{t("careAssessment.card.complete")}</span>
          : view.status === "overdue" ? <><span className="badge badge--overdue">{t("careAssessment.card.overdue")}</span> {t("careAssessment.card.overdueSince", { date: day(view.dueOn) })}</>
          : view.daysLeft === 0 ? t("careAssessment.card.dueToday", { date: day(view.dueOn) })
          : t("careAssessment.card.daysLeft", { count: view.daysLeft, date: day(view.dueOn) })}
      </p>
      <ol className="assessment-sections">
        {ASSESSMENT_SECTIONS.map((section) => {
          const saved = view.sections[section];
          const hasErrors = posted === section && ["sdohCodes", "text", "completedOn", "section"].some((f) => errorsFor("save-assessment-section", f));
          return (
            <li key={section} className="assessment-section">
              <h3 className="assessment-section__title">
                {t(`careAssessment.sections.${section}`)}{" "}
                {saved ? <span className="status status--onTrack">{t("careAssessment.card.done")}</span> : <span className="small muted">{t("careAssessment.card.notDone")}</span>}
              </h3>
              {saved ? (
                <>
                  <p className="small muted">{t("careAssessment.card.completedBy", { date: day(saved.completedOn), name: saved.recordedByName })}</p>
                  {SECTION_DOMAIN[section] !== null ? (
                    saved.sdohCodes.length ? (
                      <ul className="tags" aria-label={t("careAssessment.card.needs")}>
                        {saved.sdohCodes.map((code) => <li key={code} className="tag">{t(`directory.sdoh.${code}`)}</li>)}
                      </ul>
                    ) : <p className="small">{t("careAssessment.card.noNeeds")}</p>
                  ) : null}
                  {saved.text ? <p className="pre-line user-text">{saved.text}</p> : null}
                </>
              ) : null}
              {canWrite ? (
                // Keyed by how many times the section was saved: after a save the form closes, fresh.
                <details key={saved?.revisions ?? 0} open={hasErrors || undefined}>
                  <summary>{saved ? t("careAssessment.card.update") : t("careAssessment.card.fill")}</summary>
                  <SectionForm section={section} view={view} errors={errorsOf(section)} today={today} />
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
