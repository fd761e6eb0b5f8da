/** One external referral for the receiving organization's staff: details, then match → authorization → answer (issue #16). */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SerializeFrom } from "@remix-run/node";
import type { getIntake } from "~/modules/pathway/intake.server";
import { RespondIntakeSchema } from "~/modules/pathway/schemas";
import { REFERRAL_REASONS } from "~/modules/referral/state-machine";
import { FormError, Notice, SelectField, SubmitButton, TextAreaField } from "~/components/ui/form";
import { schemaField, useSchemaForm, type FormResult } from "~/components/ui/schema-form";
import { useReferralLive } from "~/components/referral/use-referral-live";

export type IntakeResult = { done?: "matched" | "authorized" | "answered"; duplicatesShown?: boolean };
type Intake = SerializeFrom<Awaited<ReturnType<typeof getIntake>>>;

export function IntakePage({ intake, result }: { intake: Intake; result?: IntakeResult & FormResult }) {
  const { t, i18n } = useTranslation();
  useReferralLive({ referralId: intake.id });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });
  const respond = useSchemaForm({ schema: RespondIntakeSchema, result, intent: "respond" });
  const open = intake.status === "REQUESTED";
  return (
    <div className="stack">
      <p><Link to="/referrals#external">← {t("pathways.intake.back")}</Link></p>
      <header className="page-header">
        <h1>{t("pathways.intake.pageTitle", { reference: intake.reference })}</h1>
        <p>
          <span className="badge">{t("pathways.intake.external")}</span> {t(`referral.status.${intake.status}`)} · {t("pathways.intake.due")} {date.format(new Date(intake.clock.dueAt))}
          {intake.clock.overdue ? <> <span className="badge badge--late">{t("pathways.intake.overdue")}</span></> : null}
        </p>
        <p className="muted">{t("pathways.intake.from", { practice: intake.practiceName, provider: intake.providerName, phone: intake.providerPhone })}</p>
      </header>
      {result?.done ? <Notice>{t(`pathways.intake.${result.done}`)}</Notice> : null}
      <FormError message={respond.form.error} />
      <section className="card" aria-labelledby="submitted-title">
        <h2 id="submitted-title">{t("pathways.intake.submitted")}</h2>
        <dl className="facts">
          <dt>{t("pathways.intake.clientName")}</dt><dd>{intake.details.clientName}</dd>
          <dt>{t("pathways.intake.birthDate")}</dt><dd>{date.format(new Date(`${intake.details.birthDate}T12:00:00Z`))}</dd>
          <dt>{t("pathways.intake.contact")}</dt><dd>{intake.details.contact}</dd>
          <dt>{t("pathways.intake.need")}</dt><dd>{t(`directory.sdoh.${intake.sdohCode}`)}</dd>
          <dt>{t("pathways.intake.reason")}</dt><dd>{intake.details.reason}</dd>
        </dl>
        <p>{t("pathways.intake.attestedAt", { date: dateTime.format(new Date(intake.attestedAt)) })}</p>
      </section>
      <section className="card" aria-labelledby="match-title">
        <h2 id="match-title">{t("pathways.intake.step1")}</h2>
        {intake.clientId ? (
          <p>{t("pathways.intake.matched")} <Link to={`/clients/${intake.clientId}`}>{t("pathways.intake.viewClient")}</Link></p>
        ) : !intake.canMatch ? (
          <p className="muted">{t("pathways.intake.cannotMatch")}</p>
        ) : (
          <>
            {intake.duplicates.length ? (
              <>
                <p>{t("pathways.intake.duplicates")}</p>
                <ul className="stack">
                  {intake.duplicates.map((d) => (
                    <li key={d.id}>
                      <Form method="post">
                        <input type="hidden" name="clientId" value={d.id} />
                        <SubmitButton intent="match-client" className="button" pendingLabel={t("pathways.intake.answering")}>
                          {t("pathways.intake.match", { name: d.name, birthDate: date.format(new Date(`${d.birthDate}T12:00:00Z`)) })}
                        </SubmitButton>
                      </Form>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="muted">{t("pathways.intake.noDuplicates")}</p>
            )}
            <Form method="post">
              {intake.duplicates.length ? <input type="hidden" name="confirmNotDuplicate" value="yes" /> : null}
              <SubmitButton intent="create-client" className="button" pendingLabel={t("pathways.intake.answering")}>
                {intake.duplicates.length ? t("pathways.intake.createAnyway") : t("pathways.intake.create")}
              </SubmitButton>
            </Form>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="authorization-title">
        <h2 id="authorization-title">{t("pathways.intake.step2")}</h2>
        {intake.authorizationId ? (
          <p>{t("pathways.intake.authorized")}</p>
        ) : intake.clientId && intake.canMatch ? (
          <>
            <p className="muted">{t("pathways.intake.recordHint")} <Link to={`/clients/${intake.clientId}/authorize`}>{t("pathways.intake.recordLink")}</Link></p>
            {intake.authorizations.length ? (
              <Form method="post" className="inline-fields">
                <SelectField
                  label={t("pathways.intake.authorization")}
                  name="authorizationId"
                  required
                  options={intake.authorizations.map((a) => ({ value: a.id, label: `${date.format(new Date(a.signedAt))} · ${a.purpose}`.slice(0, 120) }))}
                />
                <SubmitButton intent="link-authorization" pendingLabel={t("pathways.intake.answering")}>{t("pathways.intake.linkAuthorization")}</SubmitButton>
              </Form>
            ) : (
              <p className="muted">{t("pathways.intake.noAuthorizations")}</p>
            )}
          </>
        ) : (
          <p className="muted">{t("pathways.errors.matchFirst")}</p>
        )}
      </section>
      <section className="card" aria-labelledby="answer-title">
        <h2 id="answer-title">{t("pathways.intake.step3")}</h2>
        {open ? (
          <Form method="post" className="stack" {...respond.form.props}>
            <fieldset>
              <legend>{t("pathways.intake.status")}</legend>
              <label className="checkbox"><input type="radio" name="status" value="ACCEPTED" defaultChecked disabled={!intake.authorizationId} /> {t("pathways.intake.accept")}</label>
              <label className="checkbox"><input type="radio" name="status" value="REJECTED" defaultChecked={!intake.authorizationId} /> {t("pathways.intake.notAFit")}</label>
            </fieldset>
            <SelectField label={t("pathways.intake.reasonCode")} placeholder="—" options={REFERRAL_REASONS.map((r) => ({ value: r, label: t(`referral.reasons.${r}`) }))} {...schemaField(respond.fields.reason)} required={false} />
            <TextAreaField label={t("pathways.intake.reasonText")} rows={2} {...schemaField(respond.fields.reasonText)} />
            <SubmitButton intent="respond" pendingLabel={t("pathways.intake.answering")}>{t("pathways.intake.answer")}</SubmitButton>
          </Form>
        ) : (
          <p>{t(`referral.status.${intake.status}`)}{intake.statusReason ? ` · ${t(`referral.reasons.${intake.statusReason}`)}` : ""}{intake.statusReasonText ? `: ${intake.statusReasonText}` : ""}</p>
        )}
      </section>
    </div>
  );
}
