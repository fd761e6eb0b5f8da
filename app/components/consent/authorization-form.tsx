import { Form } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FormErrors } from "~/utils/forms.server";
import { RecordAuthorizationBaseSchema, RecordAuthorizationSchema } from "~/modules/consent/schemas";
import { CONSENT_LANGUAGES, GENERAL_CATEGORIES, PART2_CATEGORY, type AuthorizationForm as FormKind, type ConsentLanguage } from "~/modules/consent/categories";
import { FormError, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { useSchemaForm } from "~/components/ui/schema-form";
import { SignatureField } from "./signature-field";

type Props = {
  organization: string;
  client: { id: string; name: string; preferredLanguage: string };
  recipients: { id: string; name: string }[];
  today: string;
  errors?: FormErrors;
  /** The form's one-time key (sent back as a hidden field: a retried submission records once). */
  idempotencyKey?: string;
  /** Prefilled choices (a referral that needs this authorization names its recipient and categories). */
  defaultRecipientIds?: string[];
  defaultCategories?: string[];
};

function FieldErrorText({ errors, id }: { errors?: string[]; id: string }) {
  return errors?.length ? <p className="field-error" id={id} role="alert">{errors[0]}</p> : null;
}

/**
 * The authorization, section by section as 45 CFR 164.508(c) lists its elements, in plain
 * language. The statements are shown in the form's language (which may differ from the screen's),
 * exactly as the server stores them with the record.
 */
export function AuthorizationForm({ organization, client, recipients, today, errors, idempotencyKey, defaultRecipientIds = [], defaultCategories = [] }: Props) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<FormKind>("GENERAL");
  const [language, setLanguage] = useState<ConsentLanguage>(client.preferredLanguage === "es" ? "es" : "en");
  const [signerKind, setSignerKind] = useState<"CLIENT" | "REPRESENTATIVE">("CLIENT");
  const [method, setMethod] = useState<"DRAWN" | "TYPED">("DRAWN");
  const { form, fields } = useSchemaForm({ schema: RecordAuthorizationSchema, fieldsSchema: RecordAuthorizationBaseSchema, result: errors });
  const fe = form.fieldErrors;
  const formT = i18n.getFixedT(language);
  const statement = (key: string) => formT(`consent.statements.${key}`, { organization });
  const categories = kind === "PART2" ? [PART2_CATEGORY] : GENERAL_CATEGORIES;

  return (
    <Form method="post" className="authorization-form" {...form.props}>
      <FormError message={form.error} />
      {idempotencyKey ? <input type="hidden" name="idempotencyKey" value={idempotencyKey} /> : null}

      <section className="card">
        <fieldset className="choice-group">
          <legend>{t("consent.authorize.formKind")}</legend>
          <p className="field-hint">{t("consent.authorize.formHint")}</p>
          {(["GENERAL", "PART2"] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="form" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`consent.forms.${k}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="choice-group">
          <legend>{t("consent.authorize.language")}</legend>
          {CONSENT_LANGUAGES.map((l) => (
            <label key={l} className="choice">
              <input type="radio" name="language" value={l} checked={language === l} onChange={() => setLanguage(l)} /> {t(`consent.languages.${l}`)}
            </label>
          ))}
        </fieldset>
      </section>

      <section className="card">
        <fieldset className="choice-group" aria-describedby={fe.categories ? "categories-error" : undefined}>
          <legend><h2>{t("consent.authorize.what")}</h2></legend>
          {categories.map((c) => (
            <label key={`${kind}-${c}`} className="choice">
              <input type="checkbox" name="categories" value={c} defaultChecked={kind === "PART2" || defaultCategories.includes(c)} /> {t(`consent.categories.${c}`)}
            </label>
          ))}
          <FieldErrorText errors={fe.categories} id="categories-error" />
        </fieldset>
      </section>

      <section className="card">
        <h2>{t("consent.authorize.who")}</h2>
        <p>{t("consent.authorize.whoBody", { organization })}</p>
      </section>

      <section className="card">
        <fieldset className="choice-group" aria-describedby={fe.recipientIds ? "recipients-error" : "recipients-hint"}>
          <legend><h2>{t("consent.authorize.recipients")}</h2></legend>
          <p className="field-hint" id="recipients-hint">{t("consent.authorize.recipientsHint")}</p>
          {recipients.length === 0 ? <p className="muted">{t("consent.authorize.noPartners")}</p> : null}
          <div className="choice-columns">
            {recipients.map((r) => (
              <label key={r.id} className="choice">
                <input type="checkbox" name="recipientIds" value={r.id} defaultChecked={defaultRecipientIds.includes(r.id)} /> {r.name}
              </label>
            ))}
          </div>
          <FieldErrorText errors={fe.recipientIds} id="recipients-error" />
        </fieldset>
      </section>

      <section className="card">
        <h2>{t("consent.authorize.purpose")}</h2>
        <TextAreaField label={t("consent.authorize.purposeLabel")} hint={t("consent.authorize.purposeHint")} name="purpose" rows={2} required maxLength={fields.purpose.maxLength} errors={fe.purpose} />
      </section>

      <section className="card">
        <h2>{t("consent.authorize.when")}</h2>
        <div className="grid-form">
          <TextField label={t("consent.authorize.effectiveDate")} name="effectiveDate" type="date" defaultValue={today} required errors={fe.effectiveDate} />
          <TextField label={t("consent.authorize.expiresOn")} hint={t("consent.authorize.expiresHint")} name="expiresOn" type="date" errors={fe.expiresOn} />
        </div>
        <TextField label={t("consent.authorize.expirationEvent")} hint={t("consent.authorize.expirationEventHint")} name="expirationEvent" maxLength={fields.expirationEvent.maxLength} errors={fe.expirationEvent} />
      </section>

      <section className="card" lang={language}>
        <h2 lang={i18n.language}>{t("consent.authorize.statements")}</h2>
        <ul className="statements">
          <li>{statement("rightToRevoke")}</li>
          <li>{statement("noConditioning")}</li>
          <li>{statement("redisclosure")}</li>
        </ul>
        {kind === "PART2" ? (
          <>
            <h3 lang={i18n.language}>{t("consent.authorize.part2")}</h3>
            <ul className="statements statements--part2">
              <li>{statement("part2Prohibition")}</li>
              <li>{statement("part2LegalProceedings")}</li>
            </ul>
          </>
        ) : null}
        <div lang={i18n.language}>
          {(["ackRevoke", "ackConditioning", "ackRedisclosure", ...(kind === "PART2" ? ["ackPart2"] : [])] as const).map((name) => (
            <div key={name} className={`field${fe[name] ? " field--invalid" : ""}`}>
              <label className="choice">
                <input type="checkbox" name={name} aria-describedby={fe[name] ? `${name}-error` : undefined} /> {t(`consent.authorize.${name}`)}
              </label>
              <FieldErrorText errors={fe[name]} id={`${name}-error`} />
            </div>
          ))}
        </div>
      </section>

      <section className="card">
        <h2>{t("consent.authorize.signature")}</h2>
        <fieldset className="choice-group">
          <legend>{t("consent.authorize.signerKind")}</legend>
          {(["CLIENT", "REPRESENTATIVE"] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="signerKind" value={k} checked={signerKind === k} onChange={() => setSignerKind(k)} /> {t(`consent.signerKinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <TextField label={t("consent.authorize.signerName")} name="signerName" defaultValue={client.name} autoComplete="off" required maxLength={fields.signerName.maxLength} errors={fe.signerName} key={signerKind} />
        {signerKind === "REPRESENTATIVE" ? (
          <TextField label={t("consent.authorize.representativeAuthority")} hint={t("consent.authorize.representativeAuthorityHint")} name="representativeAuthority" required maxLength={fields.representativeAuthority.maxLength} errors={fe.representativeAuthority} />
        ) : null}
        <fieldset className="choice-group">
          <legend>{t("consent.authorize.signatureMethod")}</legend>
          {(["DRAWN", "TYPED"] as const).map((m) => (
            <label key={m} className="choice">
              <input type="radio" name="signatureMethod" value={m} checked={method === m} onChange={() => setMethod(m)} /> {t(m === "DRAWN" ? "consent.authorize.drawn" : "consent.authorize.typed")}
            </label>
          ))}
        </fieldset>
        {method === "DRAWN" ? (
          <SignatureField errors={fe.signatureImage} />
        ) : (
          <TextField label={t("consent.authorize.signatureTyped")} hint={t("consent.authorize.signatureTypedHint")} name="signatureTyped" className="typed-signature" autoComplete="off" required maxLength={fields.signatureTyped.maxLength} errors={fe.signatureTyped} />
        )}
      </section>

      <div className="form-actions">
        <SubmitButton intent="record" pendingLabel={t("consent.authorize.submitting")}>{t("consent.authorize.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
