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
import { ConfirmForm } from "~/components/ui/confirm-form";
import { updateReferralWindows } from "~/modules/referral/reminders.server";
import { ReferralWindowsSchema } from "~/modules/referral/flow-schemas";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.coalitionSettings");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:admin", "coalition");
  const [coalition, members] = await Promise.all([getCoalition(actor.coalitionId), listMemberOrganizations(actor.coalitionId)]);
  return { coalition: { name: coalition.name, visionStatement: coalition.visionStatement, referralAcceptDays: coalition.referralAcceptDays, referralUpdateDays: coalition.referralUpdateDays }, members, currentOrganizationId: actor.organizationId };
}

const CoalitionActionSchema = z.discriminatedUnion("intent", [UpdateCoalitionSchema, AddMemberOrganizationSchema, RemoveMemberOrganizationSchema, ReferralWindowsSchema]);
type ActionResult = FormErrors & { done?: "update-coalition" | "add-organization" | "remove-organization" | "referral-windows"; name?: string };

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
    case "remove-organization": {
      const members = await listMemberOrganizations(actor.coalitionId);
      await removeMemberOrganization({ actor, organizationId: input.organizationId });
      return { done: input.intent, name: members.find((m) => m.id === input.organizationId)?.name };
    }
  }
}

export default function CoalitionSettings() {
  const { t } = useTranslation();
  const { coalition, members, currentOrganizationId } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const addFormRef = useRef<HTMLFormElement>(null);
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
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
        <FormError message={errorsFor("update-coalition")?.formError} />
        <Form method="post" noValidate>
          <TextField label={t("coalition.name")} name="name" defaultValue={coalition.name} required errors={errorsFor("update-coalition")?.fieldErrors?.name} />
          <TextAreaField label={t("coalition.vision")} hint={t("coalition.visionHint")} name="visionStatement" rows={4} defaultValue={coalition.visionStatement} errors={errorsFor("update-coalition")?.fieldErrors?.visionStatement} />
          <SubmitButton intent="update-coalition" pendingLabel={t("coalition.saving")}>{t("coalition.save")}</SubmitButton>
        </Form>
      </section>

      <section className="card" aria-labelledby="reminders-title">
        <h2 id="reminders-title">{t("referralFlow.reminders.heading")}</h2>
        <p className="muted">{t("referralFlow.reminders.intro")}</p>
        {actionData?.done === "referral-windows" ? <Notice>{t("referralFlow.reminders.saved")}</Notice> : null}
        <FormError message={errorsFor("referral-windows")?.formError} />
        <Form method="post" noValidate className="grid-form">
          <TextField label={t("referralFlow.reminders.acceptDays")} hint={t("referralFlow.reminders.acceptHint")} name="acceptDays" type="number" min={1} max={30} step={1} required defaultValue={coalition.referralAcceptDays} errors={errorsFor("referral-windows")?.fieldErrors?.acceptDays} />
          <TextField label={t("referralFlow.reminders.updateDays")} hint={t("referralFlow.reminders.updateHint")} name="updateDays" type="number" min={1} max={30} step={1} required defaultValue={coalition.referralUpdateDays} errors={errorsFor("referral-windows")?.fieldErrors?.updateDays} />
          <div className="grid-form__actions">
            <SubmitButton intent="referral-windows" pendingLabel={t("referralFlow.reminders.saving")}>{t("referralFlow.reminders.save")}</SubmitButton>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="add-title">
        <h2 id="add-title">{t("coalition.addOrganization")}</h2>
        {actionData?.done === "add-organization" ? <Notice>{t("coalition.added", { name: actionData.name })}</Notice> : null}
        <FormError message={errorsFor("add-organization")?.formError} />
        <Form method="post" noValidate ref={addFormRef} className="grid-form">
          <TextField label={t("coalition.organizationName")} name="name" required errors={errorsFor("add-organization")?.fieldErrors?.name} />
          <SelectField label={t("coalition.kind")} name="kind" required placeholder={t("coalition.chooseKind")} options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} errors={errorsFor("add-organization")?.fieldErrors?.kind} />
          <TextField label={t("coalition.email")} name="email" type="email" errors={errorsFor("add-organization")?.fieldErrors?.email} />
          <TextField label={t("coalition.phone")} name="phone" type="tel" errors={errorsFor("add-organization")?.fieldErrors?.phone} />
          <TextField label={t("coalition.city")} name="city" errors={errorsFor("add-organization")?.fieldErrors?.city} />
          <div className="grid-form__actions">
            <SubmitButton intent="add-organization" pendingLabel={t("coalition.adding")}>{t("coalition.add")}</SubmitButton>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t("coalition.members")} ({members.length})</h2>
        {actionData?.done === "remove-organization" ? <Notice>{t("coalition.removed", { name: actionData.name })}</Notice> : null}
        <FormError message={errorsFor("remove-organization")?.formError} />
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("coalition.organizationName")}</th>
              <th scope="col">{t("coalition.kind")}</th>
              <th scope="col"><span className="visually-hidden">{t("coalition.remove")}</span></th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{t(`kinds.${m.kind}`)}</td>
                <td>
                  {m.id === currentOrganizationId ? null : (
                    <ConfirmForm question={t("coalition.removeConfirm", { name: m.name })} confirmLabel={t("coalition.remove")} hidden={{ intent: "remove-organization", organizationId: m.id }}>
                      {t("coalition.remove")}
                      <span className="visually-hidden"> {m.name}</span>
                    </ConfirmForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
