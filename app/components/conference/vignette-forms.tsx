/**
 * The vignette page's forms, each driven by the schema its action parses with (ADR 077): write and
 * save, dismiss a finding with a reason, share after the author's own read. The route keeps the
 * loader, the action and the page around them.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DismissFindingSchema, SDOH_CATEGORIES, ShareVignetteSchema, VignetteSchema, type VignetteField } from "~/modules/conference/schemas";
import { FormError, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm, type FormResult } from "~/components/ui/schema-form";

/** Write or edit the vignette. `result` is the action's answer; a failed replacement posts this form's intent too, so its message lands here. */
export function VignetteForm({ vignetteId, version, values, categories, result }: {
  vignetteId?: string;
  /** The saved version: after a replacement or a save the fields show the saved text (uncontrolled fields would otherwise keep the old text, identifiers included). */
  version: string;
  values: Record<VignetteField, string>;
  categories: string[];
  result?: FormResult;
}) {
  const { t } = useTranslation();
  const { form, fields } = useSchemaForm({ schema: VignetteSchema, result, intent: "save-vignette" });
  // A dismissal or a share that failed on the server has no field here: its message shows above the form.
  const otherError = result?.intent && result.intent !== "save-vignette" ? result.formError : undefined;
  return (
    <>
      <FormError message={form.error ?? otherError} />
      <Form method="post" key={version} {...form.props}>
        {vignetteId ? <input type="hidden" name="vignetteId" value={vignetteId} /> : null}
        <TextField label={t("conference.vignette.fields.title")} defaultValue={values.title} {...schemaField(fields.title)} />
        <TextAreaField label={t("conference.vignette.fields.situation")} hint={t("conference.vignette.hints.situation")} rows={5} defaultValue={values.situation} {...schemaField(fields.situation)} />
        <TextAreaField label={t("conference.vignette.fields.strengths")} rows={3} defaultValue={values.strengths} {...schemaField(fields.strengths)} />
        <TextAreaField label={t("conference.vignette.fields.needs")} rows={3} defaultValue={values.needs} {...schemaField(fields.needs)} />
        <TextAreaField label={t("conference.vignette.fields.tried")} rows={3} defaultValue={values.tried} {...schemaField(fields.tried)} />
        <TextAreaField label={t("conference.vignette.fields.question")} rows={2} defaultValue={values.question} {...schemaField(fields.question)} />
        <fieldset className="fieldset" aria-describedby={fields.sdohCategories.errors?.length ? "sdoh-categories-error" : undefined}>
          <legend>{t("conference.vignette.sdoh")}</legend>
          <div className="choice-grid">
            {SDOH_CATEGORIES.map((c) => (
              <label key={c} className="choice">
                <input type="checkbox" name="sdohCategories" value={c} defaultChecked={categories.includes(c)} />
                {t(`conference.sdoh.${c}`)}
              </label>
            ))}
          </div>
          {fields.sdohCategories.errors?.length ? <p className="field-error" id="sdoh-categories-error" role="alert">{fields.sdohCategories.errors[0]}</p> : null}
        </fieldset>
        <SubmitButton intent="save-vignette" pendingLabel={t("conference.vignette.checking")}>{t("conference.vignette.saveAndCheck")}</SubmitButton>
      </Form>
    </>
  );
}

/** Share the checked vignette: the author ticks that they read it themselves (ADR 030). */
export function ShareVignetteForm({ vignetteId, result }: { vignetteId: string; result?: FormResult }) {
  const { t } = useTranslation();
  const { form, fields } = useSchemaForm({ schema: ShareVignetteSchema, result, intent: "share" });
  const error = fields.reviewed.errors?.[0];
  return (
    <Form method="post" className="stack" {...form.props}>
      <input type="hidden" name="vignetteId" value={vignetteId} />
      <div className={`field${error ? " field--invalid" : ""}`}>
        <label className="checkbox">
          <input type="checkbox" name={fields.reviewed.name} value="on" required={fields.reviewed.required} aria-describedby={["reviewed-hint", error ? "reviewed-error" : null].filter(Boolean).join(" ")} aria-invalid={error ? true : undefined} /> {t("conference.vignette.reviewed")}
        </label>
        <p id="reviewed-hint" className="field-hint">{t("conference.vignette.reviewedHint")}</p>
        {error ? <p className="field-error" id="reviewed-error" role="alert">{error}</p> : null}
      </div>
      <SubmitButton intent="share" pendingLabel={t("conference.vignette.sharing")}>{t("conference.vignette.share")}</SubmitButton>
    </Form>
  );
}

/**
 * Dismiss one finding, saying why it is not an identifier. One form per finding: the reason is
 * checked in the browser; the action's answer names no finding, so a server refusal shows as the
 * page's message above the vignette form, not on every finding's form.
 */
export function DismissFindingForm({ vignetteId, field, finding }: { vignetteId: string; field: VignetteField; finding: { type: string; text: string } }) {
  const { t } = useTranslation();
  const { form, fields } = useSchemaForm({ schema: DismissFindingSchema });
  return (
    <Form method="post" className="inline-fields" {...form.props}>
      <input type="hidden" name="vignetteId" value={vignetteId} />
      <input type="hidden" name="field" value={field} />
      <input type="hidden" name="type" value={finding.type} />
      <input type="hidden" name="text" value={finding.text} />
      <TextField label={t("conference.vignette.reason")} hint={t("conference.vignette.reasonHint")} {...schemaField(fields.reason)} />
      <SubmitButton intent="dismiss" pendingLabel={t("conference.vignette.dismissing")}>{t("conference.vignette.confirmDismiss")}</SubmitButton>
    </Form>
  );
}
