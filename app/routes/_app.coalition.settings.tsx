import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { AddMemberOrganizationSchema, ORGANIZATION_KINDS, RemoveMemberOrganizationSchema, UpdateCoalitionSchema } from "~/modules/coalition/schemas";
import { addMemberOrganization, getCoalition, listMemberOrganizations, removeMemberOrganization, updateCoalition } from "~/modules/coalition/service.server";
import { FormError, Notice, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { ConfirmTable } from "~/components/ui/confirm-table";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
import { updateReferralWindows } from "~/modules/referral/reminders.server";
import { ReferralWindowsSchema } from "~/modules/referral/flow-schemas";
import { SecondReaderSettingSchema } from "~/modules/conference/schemas";
import { setSecondReaderRequired } from "~/modules/conference/second-reader.server";
import { ContactCadenceSchema } from "~/modules/care/contact-schemas";
import { getCoalitionCadence, updateContactCadence } from "~/modules/care/cadence.server";
import { ContactCadenceCard } from "~/components/care/cadence-settings";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.coalitionSettings");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:admin", "coalition");
  const [coalition, members, cadence] = await Promise.all([getCoalition(actor.coalitionId), listMemberOrganizations(actor.coalitionId), getCoalitionCadence(actor.coalitionId)]);
  return { coalition: { name: coalition.name, visionStatement: coalition.visionStatement, referralAcceptDays: coalition.referralAcceptDays, referralUpdateDays: coalition.referralUpdateDays, requireSecondReader: coalition.requireSecondReader }, members, cadence, currentOrganizationId: actor.organizationId };
}

const CoalitionActionSchema = z.discriminatedUnion("intent", [UpdateCoalitionSchema, AddMemberOrganizationSchema, RemoveMemberOrganizationSchema, ReferralWindowsSchema, SecondReaderSettingSchema, ContactCadenceSchema]);
type ActionResult = FormErrors & { done?: "update-coalition" | "add-organization" | "remove-organization" | "referral-windows" | "second-reader" | "care-cadence"; name?: string };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "coalition:admin", "coalition");
  const input = parseForm(await request.formData(), CoalitionActionSchema);
  switch (input.intent) {
    case "update-coalition":
      await updateCoalition({ actor, name: input.name, visionStatement: input.visionStatement });
      return { done: input.intent };
    case "add-organization": {
      const { intent, ...rest } = input;
      const organization = await addMemberOrganization({ actor, input: rest });
      return { done: intent, name: organization.name };
    }
    case "referral-windows":
      await updateReferralWindows({ actor, acceptDays: input.acceptDays, updateDays: input.updateDays });
      return { done: input.intent };
    case "care-cadence":
      await updateContactCadence({ actor, input });
      return { done: input.intent };
    case "second-reader":
      await setSecondReaderRequired({ actor, coalitionId: actor.coalitionId, required: input.required });
      return { done: input.intent };
    case "remove-organization": {
      const members = await listMemberOrganizations(actor.coalitionId);
      await removeMemberOrganization({ actor, organizationId: input.organizationId });
      return { done: input.intent, name: members.find((m) => m.id === input.organizationId)?.name };
    }
  }
}

export default function CoalitionSettings() {
  const { t } = useTranslation();
  const { coalition, members, cadence, currentOrganizationId } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const addFormRef = useRef<HTMLFormElement>(null);
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const details = useSchemaForm({ schema: UpdateCoalitionSchema, result: actionData, intent: "update-coalition" });
  const windows = useSchemaForm({ schema: ReferralWindowsSchema, result: actionData, intent: "referral-windows" });
  const add = useSchemaForm({ schema: AddMemberOrganizationSchema, result: actionData, intent: "add-organization" });
  useEffect(() => {
    if (actionData?.done === "add-organization") addFormRef.current?.reset();
  }, [actionData]);

  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("coalition.title")}</h1>
      </header>

      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">{t("coalition.details")}</h2>
        {actionData?.done === "update-coalition" ? <Notice>{t("coalition.saved")}</Notice> : null}
        <FormError message={details.form.error} />
        <Form method="post" {...details.form.props}>
          <TextField label={t("coalition.name")} defaultValue={coalition.name} {...schemaField(details.fields.name)} />
          <TextAreaField label={t("coalition.vision")} hint={t("coalition.visionHint")} rows={4} defaultValue={coalition.visionStatement} {...schemaField(details.fields.visionStatement)} />
          <SubmitButton intent="update-coalition" pendingLabel={t("coalition.saving")}>{t("coalition.save")}</SubmitButton>
        </Form>
      </section>

      <section className="card" aria-labelledby="reminders-title">
        <h2 id="reminders-title">{t("referralFlow.reminders.heading")}</h2>
        <p className="muted">{t("referralFlow.reminders.intro")}</p>
        {actionData?.done === "referral-windows" ? <Notice>{t("referralFlow.reminders.saved")}</Notice> : null}
        <FormError message={windows.form.error} />
        <Form method="post" className="grid-form" {...windows.form.props}>
          <TextField label={t("referralFlow.reminders.acceptDays")} hint={t("referralFlow.reminders.acceptHint")} type="number" defaultValue={coalition.referralAcceptDays} {...schemaField(windows.fields.acceptDays)} step={1} />
          <TextField label={t("referralFlow.reminders.updateDays")} hint={t("referralFlow.reminders.updateHint")} type="number" defaultValue={coalition.referralUpdateDays} {...schemaField(windows.fields.updateDays)} step={1} />
          <div className="grid-form__actions">
            <SubmitButton intent="referral-windows" pendingLabel={t("referralFlow.reminders.saving")}>{t("referralFlow.reminders.save")}</SubmitButton>
          </div>
        </Form>
      </section>

      <ContactCadenceCard cadence={cadence} result={actionData} saved={actionData?.done === "care-cadence"} />

      <section className="card" aria-labelledby="second-reader-title">
        <h2 id="second-reader-title">{t("conference.secondReader.settingTitle")}</h2>
        <p className="muted">{t("conference.secondReader.settingIntro")}</p>
        {actionData?.done === "second-reader" ? <Notice>{t("conference.secondReader.settingSaved")}</Notice> : null}
        <FormError message={errorsFor("second-reader")?.formError} />
        <Form method="post" noValidate>
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" name="required" value="on" defaultChecked={coalition.requireSecondReader} /> {t("conference.secondReader.settingLabel")}
            </label>
          </div>
          <SubmitButton intent="second-reader" pendingLabel={t("coalition.saving")}>{t("coalition.save")}</SubmitButton>
        </Form>
      </section>

      <section className="card" aria-labelledby="add-title">
        <h2 id="add-title">{t("coalition.addOrganization")}</h2>
        {actionData?.done === "add-organization" ? <Notice>{t("coalition.added", { name: actionData.name })}</Notice> : null}
        <FormError message={add.form.error} />
        <Form method="post" ref={addFormRef} className="grid-form" {...add.form.props}>
          <TextField label={t("coalition.organizationName")} {...schemaField(add.fields.name)} />
          <SelectField label={t("coalition.kind")} {...schemaField(add.fields.kind)} placeholder={t("coalition.chooseKind")} options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
          <TextField label={t("coalition.email")} type="email" {...schemaField(add.fields.email)} />
          <TextField label={t("coalition.phone")} type="tel" {...schemaField(add.fields.phone)} />
          <TextField label={t("coalition.city")} {...schemaField(add.fields.city)} />
          <div className="grid-form__actions">
            <SubmitButton intent="add-organization" pendingLabel={t("coalition.adding")}>{t("coalition.add")}</SubmitButton>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t("coalition.members")} ({members.length})</h2>
        {actionData?.done === "remove-organization" ? <Notice>{t("coalition.removed", { name: actionData.name })}</Notice> : null}
        <FormError message={errorsFor("remove-organization")?.formError} />
        <ConfirmTable
          rows={members}
          rowKey={(m) => m.id}
          columns={[
            { header: t("coalition.organizationName"), cell: (m) => m.name },
            { header: t("coalition.kind"), cell: (m) => t(`kinds.${m.kind}`) },
          ]}
          actionHeader={t("coalition.remove")}
          action={(m) =>
            m.id === currentOrganizationId
              ? null
              : {
                  label: (
                    <>
                      {t("coalition.remove")}
                      <span className="visually-hidden"> {m.name}</span>
                    </>
                  ),
                  question: t("coalition.removeConfirm", { name: m.name }),
                  confirmLabel: t("coalition.remove"),
                  hidden: { intent: "remove-organization", organizationId: m.id },
                }
          }
        />
      </section>
    </div>
  );
}
