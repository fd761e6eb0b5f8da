import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { INVITABLE_ROLES } from "~/utils/permissions";
import { EMAIL_MAX, InviteSchema, RevokeInviteSchema } from "~/modules/org/schemas";
import { inviteMember, listMembers, revokeInvite } from "~/modules/org/service.server";
import { FormError, Notice, SelectField, SubmitButton, TextField } from "~/components/ui/form";
import { ConfirmForm } from "~/components/ui/confirm-form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.people");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "org:members:invite");
  return { organization: { id: actor.organizationId, name: actor.organizationName }, ...(await listMembers(actor.organizationId)) };
}

const PeopleActionSchema = z.discriminatedUnion("intent", [InviteSchema, RevokeInviteSchema]);

type ActionResult = FormErrors & { invited?: { email: string; link: string }; revoked?: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "org:members:invite");
  const input = parseForm(await request.formData(), PeopleActionSchema);
  if (input.intent === "invite") {
    const { link } = await inviteMember({ actor, email: input.email, role: input.role });
    return { invited: { email: input.email, link } };
  }
  await revokeInvite({ actor, inviteId: input.inviteId });
  return { revoked: true };
}

export default function People() {
  const { t, i18n } = useTranslation();
  const { organization, members, invites } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const formRef = useRef<HTMLFormElement>(null);
  const [copied, setCopied] = useState(false);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  const inviteErrors = actionData?.intent === "invite" || !actionData?.intent ? actionData : undefined;

  useEffect(() => {
    if (actionData?.invited) formRef.current?.reset();
    setCopied(false);
  }, [actionData]);

  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("people.title", { organization: organization.name })}</h1>
      </header>

      <section className="card" aria-labelledby="invite-title">
        <h2 id="invite-title">{t("people.inviteTitle")}</h2>
        <p className="muted">{t("people.inviteIntro", { organization: organization.name })}</p>
        {actionData?.invited ? (
          <Notice>
            <p>{t("people.inviteSent", { email: actionData.invited.email })}</p>
            <p className="invite-link">
              <code data-testid="invite-link">{actionData.invited.link}</code>{" "}
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  void navigator.clipboard?.writeText(actionData.invited!.link).then(() => setCopied(true));
                }}
              >
                {copied ? t("people.copied") : t("people.copyLink")}
              </button>
            </p>
          </Notice>
        ) : null}
        {actionData?.revoked ? <Notice>{t("people.revoked")}</Notice> : null}
        {inviteErrors?.formError ? <FormError message={inviteErrors.formError} /> : null}
        <Form method="post" ref={formRef} noValidate className="inline-fields">
          <TextField label={t("people.email")} name="email" type="email" maxLength={EMAIL_MAX} required errors={inviteErrors?.fieldErrors?.email} autoComplete="off" />
          <SelectField
            label={t("people.role")}
            name="role"
            required
            placeholder={t("people.chooseRole")}
            defaultValue="CARE_MANAGER"
            options={INVITABLE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            errors={inviteErrors?.fieldErrors?.role}
          />
          <SubmitButton intent="invite" pendingLabel={t("people.inviteSending")}>{t("people.inviteSubmit")}</SubmitButton>
        </Form>
      </section>

      <section className="card" aria-labelledby="pending-title">
        <h2 id="pending-title">{t("people.pending")}</h2>
        {invites.length === 0 ? (
          <p className="muted">{t("people.noPending")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("people.email")}</th>
                <th scope="col">{t("people.role")}</th>
                <th scope="col">{t("people.since")}</th>
                <th scope="col"><span className="visually-hidden">{t("people.revoke")}</span></th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => (
                <tr key={invite.id}>
                  <td className="user-text">{invite.email}</td>
                  <td>{t(`roles.${invite.role}`)}</td>
                  <td>
                    {t("people.invitedBy", { name: invite.invitedBy.name })}
                    <br />
                    <span className="muted small">{t("people.expires", { date: dateFormat.format(new Date(invite.expiresAt)) })}</span>
                  </td>
                  <td>
                    <ConfirmForm question={t("people.revokeConfirm", { email: invite.email })} confirmLabel={t("people.revoke")} hidden={{ intent: "revoke-invite", inviteId: invite.id }}>
                      {t("people.revoke")}
                    </ConfirmForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t("people.members")}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("people.name")}</th>
              <th scope="col">{t("people.email")}</th>
              <th scope="col">{t("people.role")}</th>
              <th scope="col">{t("people.since")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td className="user-text">{m.user.name}</td>
                <td className="user-text">{m.user.email}</td>
                <td>{t(`roles.${m.role}`)}</td>
                <td>{dateFormat.format(new Date(m.createdAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
