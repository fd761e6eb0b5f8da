/** The care plan page's level of care and contact log (issue #15, ADR 097): the overdue flag, the level and its history, contacts newest first. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ContactLogView } from "~/modules/care/contacts.server";
import { CARE_LEVELS, CONTACT_KINDS, RecordContactSchema, SetCareLevelSchema } from "~/modules/care/contact-schemas";
import { FormError, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm, type FormResult } from "~/components/ui/schema-form";
import { formatBirthDate, formatDay } from "~/components/consent/format";

export function ContactLogCard({ log, canWrite, result, today }: { log: ContactLogView; canWrite: boolean; result?: FormResult; today: string }) {
  const { t, i18n } = useTranslation();
  const day = (d: string) => formatBirthDate(d, i18n.language);
  const level = useSchemaForm({ schema: SetCareLevelSchema, result, intent: "set-level" });
  const contact = useSchemaForm({ schema: RecordContactSchema, result, intent: "record-contact" });
  const levelName = (l: string) => t(`careContacts.levels.${l}`);
  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t("careContacts.plan.title")}</h2>
      <p>
        <strong>{t("careContacts.plan.level")}:</strong>{" "}
        {t("careContacts.plan.levelLine", { level: levelName(log.level), every: t("careContacts.every", { count: log.cadence[log.level] }) })}
      </p>
      <p>
        {log.lastContactOn ? t("careContacts.plan.lastContact", { date: day(log.lastContactOn) }) : t("careContacts.plan.noContact", { date: day(log.enrolledOn) })}
        {" · "}
        {log.overdue ? (
          <><span className="badge badge--overdue">{t("careContacts.plan.overdue")}</span> {t("careContacts.plan.overdueSince", { date: day(log.contactDueOn) })}</>
        ) : t("careContacts.plan.dueBy", { date: day(log.contactDueOn) })}
      </p>
      {canWrite ? (
        <details open={!!level.form.fieldErrors.level || undefined}>
          <summary>{t("careContacts.plan.changeLevel")}</summary>
          <FormError message={level.form.error} />
          <Form method="post" className="grid-form" {...level.form.props}>
            <SelectField label={t("careContacts.plan.level")} defaultValue={log.level} options={CARE_LEVELS.map((l) => ({ value: l, label: `${levelName(l)} · ${t("careContacts.every", { count: log.cadence[l] })}` }))} {...schemaField(level.fields.level)} />
            <SubmitButton intent="set-level" pendingLabel={t("careContacts.plan.saving")}>{t("careContacts.plan.saveLevel")}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {log.levelChanges.length ? (
        <details>
          <summary>{t("careContacts.plan.levelHistory")}</summary>
          <ul className="plain-list small">
            {log.levelChanges.map((c) => (
              <li key={c.id}>{t("careContacts.plan.levelChange", { from: levelName(c.from), to: levelName(c.to), date: formatDay(c.changedAt, i18n.language), name: c.changedByName })}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {canWrite ? (
        <details open={!!(contact.form.fieldErrors.kind || contact.form.fieldErrors.contactedOn || contact.form.fieldErrors.note) || undefined}>
          <summary>{t("careContacts.plan.recordContact")}</summary>
          <FormError message={contact.form.error} />
          <Form method="post" className="grid-form" {...contact.form.props}>
            <SelectField label={t("careContacts.plan.kind")} options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`careContacts.kinds.${k}`) }))} {...schemaField(contact.fields.kind)} />
            <TextField label={t("careContacts.plan.contactedOn")} type="date" defaultValue={today} {...schemaField(contact.fields.contactedOn)} min={log.enrolledOn} max={today} />
            <TextAreaField label={t("careContacts.plan.note")} rows={2} {...schemaField(contact.fields.note)} />
            <SubmitButton intent="record-contact" pendingLabel={t("careContacts.plan.saving")}>{t("careContacts.plan.saveContact")}</SubmitButton>
          </Form>
        </details>
      ) : null}
      <h3 className="care-contacts__title">{t("careContacts.plan.contacts")}</h3>
      {log.contacts.length === 0 ? <p className="empty-state empty-state--small">{t("careContacts.plan.noContacts")}</p> : (
        <ul className="plain-list small care-contacts">
          {log.contacts.map((c) => (
            <li key={c.id}>
              {t("careContacts.plan.contactLine", { kind: t(`careContacts.kinds.${c.kind}`), date: day(c.contactedOn), name: c.recordedByName })}
              {c.note ? <p className="pre-line user-text">{c.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
