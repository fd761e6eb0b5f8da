/**
 * The care plan page's graduation card (issue #15, ADR 098): readiness recorded with the client,
 * the "ready to graduate" state, the graduation form with its closing summary, and every earlier
 * graduation (kept across re-enrollments) with a link to print its summary. Forms are checked by
 * their one schema in the browser and by the action (ADR 077), and work without JavaScript.
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { GraduationView } from "~/modules/care/graduation.server";
import { GraduateSchema, READINESS_CRITERIA, RecordReadinessSchema, ResendSummarySchema } from "~/modules/care/graduation-schemas";
import type { EnrollmentStatus } from "~/modules/care/schemas";
import { FormError, Notice, SelectField, SubmitButton, TextAreaField } from "~/components/ui/form";
import { schemaField, useSchemaForm, type FormResult } from "~/components/ui/schema-form";
import { formatBirthDate } from "~/components/consent/format";

export type GraduationResult = FormResult & { done?: string; handoff?: "sent" | "print-only" | "not-sent" };

function ReadinessForm({ view, result }: { view: GraduationView; result?: GraduationResult }) {
  const { t } = useTranslation();
  const { form, fields } = useSchemaForm({ schema: RecordReadinessSchema, result, intent: "record-readiness" });
  const r = view.readiness;
  return (
    <Form method="post" className="grid-form" {...form.props}>
      <input type="hidden" name="intent" value="record-readiness" />
      <FormError message={form.error} />
      <fieldset className="graduation-criteria">
        <legend>{t("careGraduation.card.intro")}</legend>
        {READINESS_CRITERIA.map((c) => (
          <label key={c} className="check graduation-criterion">
            <input type="checkbox" name={c} value="on" defaultChecked={r?.[c] ?? false} />
            <span>{t(`careGraduation.criteria.${c}`)}</span>
          </label>
        ))}
      </fieldset>
      <TextAreaField label={t("careGraduation.card.note")} rows={2} {...schemaField(fields.note)} />
      <SubmitButton className="button" pendingLabel={t("careGraduation.card.saving")}>{t("careGraduation.card.recordReadiness")}</SubmitButton>
    </Form>
  );
}

function GraduateForm({ practices, result }: { practices: { id: string; name: string }[]; result?: GraduationResult }) {
  const { t } = useTranslation();
  const { form, fields } = useSchemaForm({ schema: GraduateSchema, result, intent: "graduate" });
  return (
    <details open={result?.intent === "graduate" || undefined}>
      <summary>{t("careGraduation.card.graduate")}</summary>
      <p className="small muted">{t("careGraduation.card.graduateIntro")}</p>
      <Form method="post" className="grid-form" {...form.props}>
        <input type="hidden" name="intent" value="graduate" />
        <FormError message={form.error} />
        {practices.length ? (
          <SelectField
            label={t("careGraduation.card.practice")}
            hint={t("careGraduation.card.practiceHint")}
            options={[{ value: "", label: t("careGraduation.card.noPractice") }, ...practices.map((p) => ({ value: p.id, label: p.name }))]}
            {...schemaField(fields.practiceOrganizationId)}
          />
        ) : (
          <p className="small">{t("careGraduation.card.noPracticeOptions")}</p>
        )}
        <TextAreaField label={t("careGraduation.card.goalsAchieved")} hint={t("careGraduation.card.goalsAchievedHint")} rows={3} {...schemaField(fields.goalsAchieved)} />
        <TextAreaField label={t("careGraduation.card.whatContinues")} hint={t("careGraduation.card.whatContinuesHint")} rows={3} {...schemaField(fields.whatContinues)} />
        <TextAreaField label={t("careGraduation.card.whoToCall")} hint={t("careGraduation.card.whoToCallHint")} rows={2} {...schemaField(fields.whoToCall)} />
        <SubmitButton pendingLabel={t("careGraduation.card.graduating")}>{t("careGraduation.card.graduate")}</SubmitButton>
      </Form>
    </details>
  );
}

function ResendForm({ graduationId, result }: { graduationId: string; result?: GraduationResult }) {
  const { t } = useTranslation();
  const { form } = useSchemaForm({ schema: ResendSummarySchema, result, intent: "resend-summary" });
  return (
    <Form method="post" className="inline-form" {...form.props}>
      <input type="hidden" name="intent" value="resend-summary" />
      <input type="hidden" name="graduationId" value={graduationId} />
      <FormError message={form.error} />
      <SubmitButton className="button" pendingLabel={t("careGraduation.card.saving")}>{t("careGraduation.card.resend")}</SubmitButton>
    </Form>
  );
}

export function GraduationCard({ clientId, view, status, canWrite, practices, result }: {
  clientId: string; view: GraduationView; status: EnrollmentStatus | null; canWrite: boolean; practices: { id: string; name: string }[]; result?: GraduationResult;
}) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatBirthDate(d, i18n.language);
  const r = view.readiness;
  const enrolled = status === "ENROLLED";
  const latest = view.graduations[0];
  return (
    <section className="card" aria-labelledby="graduation-title">
      <h2 id="graduation-title">{t("careGraduation.card.title")}</h2>
      {result?.done === "graduate" || result?.done === "resend-summary" ? (
        <Notice>
          {t("careGraduation.card.graduated")}{" "}
          {result.handoff === "sent" && latest?.practice ? t("careGraduation.card.sent", { practice: latest.practice.name }) : null}
          {result.handoff === "print-only" ? t("careGraduation.card.printOnly") : null}
        </Notice>
      ) : null}
      {enrolled ? (
        <>
          {r ? (
            <p>
              <span className={`status${r.ready ? " status--onTrack" : ""}`}>{r.ready ? t("careGraduation.card.ready") : t("careGraduation.card.notReady")}</span>{" "}
              <span className="small muted">{t("careGraduation.card.recordedOn", { date: day(r.recordedOn) })}</span>
            </p>
          ) : (
            <p className="muted">{t("careGraduation.card.notRecorded")}</p>
          )}
          {r ? (
            <ul className="plain-list small">
              {READINESS_CRITERIA.map((c) => (
                <li key={c}>{t(`careGraduation.criteriaShort.${c}`)}: {r[c] ? t("careGraduation.card.met") : t("careGraduation.card.notMet")}</li>
              ))}
              {r.note ? <li className="pre-line user-text">{r.note}</li> : null}
            </ul>
          ) : null}
          {canWrite ? (
            <details open={result?.intent === "record-readiness" || undefined}>
              <summary>{t("careGraduation.card.recordReadiness")}</summary>
              <ReadinessForm view={view} result={result} />
            </details>
          ) : null}
          {canWrite && r?.ready ? <GraduateForm practices={practices} result={result} /> : null}
        </>
      ) : view.graduations.length ? (
        <p className="small muted">{t("careGraduation.card.reenrollHint")}</p>
      ) : null}
      {view.graduations.length ? (
        <>
          <h3>{t("careGraduation.card.history")}</h3>
          <ul className="plain-list">
            {view.graduations.map((g) => (
              <li key={g.id}>
                <strong>{t("careGraduation.card.graduatedOn", { date: day(g.graduatedOn) })}</strong>
                {" · "}
                <span className="small">
                  {g.practice ? (g.referralId ? t("careGraduation.card.sentTo", { practice: g.practice.name }) : t("careGraduation.card.notSent", { practice: g.practice.name })) : t("careGraduation.card.printedOnly")}
                </span>
                {" · "}
                <Link to={`/clients/${clientId}/plan/graduations/${g.id}`}>{t("careGraduation.card.printSummary")}</Link>
                {canWrite && g.practice && !g.referralId ? <ResendForm graduationId={g.id} result={result} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The link to the client's written copy of the plan (printable, in the client's language). */
export function WrittenCopyLink({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  return (
    <p className="no-print">
      <Link className="button" to={`/clients/${clientId}/plan/copy`}>{t("careGraduation.copy.link")}</Link>
    </p>
  );
}
