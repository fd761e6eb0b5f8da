/** The coalition settings' contact cadence per level of care (issue #15, ADR 097). */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ContactCadenceSchema, type ContactCadence } from "~/modules/care/contact-schemas";
import { FormError, Notice, SubmitButton, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm, type FormResult } from "~/components/ui/schema-form";

export function ContactCadenceCard({ cadence, result, saved }: { cadence: ContactCadence; result?: FormResult; saved: boolean }) {
  const { t } = useTranslation();
  const { form, fields } = useSchemaForm({ schema: ContactCadenceSchema, result, intent: "care-cadence" });
  return (
    <section className="card" aria-labelledby="care-cadence-title">
      <h2 id="care-cadence-title">{t("careContacts.settings.title")}</h2>
      <p className="muted">{t("careContacts.settings.intro")}</p>
      {saved ? <Notice>{t("careContacts.settings.saved")}</Notice> : null}
      <FormError message={form.error} />
      <Form method="post" className="grid-form" {...form.props}>
        <TextField label={t("careContacts.settings.highDays")} hint={t("careContacts.settings.hint")} type="number" inputMode="numeric" defaultValue={cadence.HIGH} {...schemaField(fields.highDays)} step={1} />
        <TextField label={t("careContacts.settings.mediumDays")} hint={t("careContacts.settings.hint")} type="number" inputMode="numeric" defaultValue={cadence.MEDIUM} {...schemaField(fields.mediumDays)} step={1} />
        <TextField label={t("careContacts.settings.lowDays")} hint={t("careContacts.settings.hint")} type="number" inputMode="numeric" defaultValue={cadence.LOW} {...schemaField(fields.lowDays)} step={1} />
        <div className="grid-form__actions">
          <SubmitButton intent="care-cadence" pendingLabel={t("careContacts.settings.saving")}>{t("careContacts.settings.save")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
