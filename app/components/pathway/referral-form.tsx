/**
 * The public referral form behind a practice's link: phone-first, plain about what happens next,
 * and after sending it shows a reference number only (never anything about any client).
 */
import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ExternalReferralSchema } from "~/modules/pathway/schemas";
import { GRAVITY_CODES } from "~/modules/sdoh/roll-up";
import { FormError, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm, type FormResult } from "~/components/ui/schema-form";

export type ReferralFormResult = FormResult & { sent?: { reference: string | null; responseDays: number } };

export function ReferralSent({ sent }: { sent: NonNullable<ReferralFormResult["sent"]> }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="stack" role="status">
      <h1>{t("pathways.refer.sentTitle")}</h1>
      <p>{t("pathways.refer.sentBody", { count: sent.responseDays })}</p>
      {sent.reference ? (
        <>
          <p><strong data-testid="reference">{t("pathways.refer.reference", { reference: sent.reference })}</strong></p>
          <p className="muted">{t("pathways.refer.referenceHint")}</p>
        </>
      ) : null}
      <p><Link to={location.pathname} reloadDocument>{t("pathways.refer.another")}</Link></p>
    </div>
  );
}

export function ReferralForm({ formToken, responseDays, result }: { formToken: string; responseDays: number; result?: ReferralFormResult }) {
  const { t } = useTranslation();
  const { form, fields } = useSchemaForm({ schema: ExternalReferralSchema, result, intent: "refer" });
  const attestErrors = fields.attested.errors;
  return (
    <Form method="post" className="stack" {...form.props}>
      <FormError message={form.error} />
      <input type="hidden" name="formToken" value={formToken} />
      <fieldset className="stack">
        <legend>{t("pathways.refer.clientSection")}</legend>
        <TextField label={t("pathways.refer.clientName")} autoComplete="off" {...schemaField(fields.clientName)} />
        <TextField label={t("pathways.refer.birthDate")} type="date" {...schemaField(fields.birthDate)} />
        <TextField label={t("pathways.refer.contact")} autoComplete="off" {...schemaField(fields.contact)} />
        <SelectField
          label={t("pathways.refer.need")}
          placeholder={t("pathways.refer.chooseNeed")}
          options={GRAVITY_CODES.map((code) => ({ value: code, label: t(`directory.sdoh.${code}`) }))}
          {...schemaField(fields.sdohCode)}
        />
        <TextAreaField label={t("pathways.refer.reason")} rows={3} {...schemaField(fields.reason)} />
      </fieldset>
      <fieldset className="stack">
        <legend>{t("pathways.refer.providerSection")}</legend>
        <TextField label={t("pathways.refer.providerName")} autoComplete="name" {...schemaField(fields.providerName)} />
        <TextField label={t("pathways.refer.providerPhone")} type="tel" autoComplete="tel" {...schemaField(fields.providerPhone)} />
      </fieldset>
      <div className={`field${attestErrors?.length ? " field--invalid" : ""}`}>
        <label className="checkbox">
          <input type="checkbox" name="attested" value="on" required aria-invalid={attestErrors?.length ? true : undefined} aria-describedby={attestErrors?.length ? "attest-hint attest-error" : "attest-hint"} />{" "}
          {t("pathways.refer.attest")}
        </label>
        <p id="attest-hint" className="field-hint">{t("pathways.refer.attestHint")}</p>
        {attestErrors?.length ? <p id="attest-error" className="field-error" role="alert">{attestErrors[0]}</p> : null}
      </div>
      <div className="visually-hidden">
        <label htmlFor="pathway-website">{t("pathways.refer.honeypot")}</label>
        <input id="pathway-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <p>{t("pathways.refer.whatNext", { count: responseDays })}</p>
      <SubmitButton intent="refer" pendingLabel={t("pathways.refer.submitting")}>{t("pathways.refer.submit")}</SubmitButton>
    </Form>
  );
}
