import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { INVITABLE_ROLES } from "~/utils/permissions";
import { InviteSchema, RevokeInviteSchema } from "~/modules/org/schemas";
import { inviteMember, listMembers, revokeInvite } from "~/modules/org/service.server";
import { FormError, Notice, SelectField, SubmitButton, TextField } from "~/components/ui/form";
import { ConfirmTable } from "~/components/ui/confirm-table";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
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
  const { form: inviteForm, fields } = useSchemaForm({ schema: InviteSchema, result: actionData?.invited ? undefined : actionData, intent: "invite" });

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
        <FormError message={inviteForm.error} />
        <Form method="post" ref={formRef} className="inline-fields" {...inviteForm.props}>
          <TextField label={t("people.email")} type="email" autoComplete="off" {...schemaField(fields.email)} />
          <SelectField
            label={t("people.role")}
            {...schemaField(fields.role)}
            placeholder={t("people.chooseRole")}
            defaultValue="CARE_MANAGER"
            options={INVITABLE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <SubmitButton intent="invite" pendingLabel={t("people.inviteSending")}>{t("people.inviteSubmit")}</SubmitButton>
        </Form>
      </section>

      <section className="card" aria-labelledby="pending-title">
        <h2 id="pending-title">{t("people.pending")}</h2>
        {invites.length === 0 ? (
          <p className="muted">{t("people.noPending")}</p>
        ) : (
          <ConfirmTable
            rows={invites}
            rowKey={(invite) => invite.id}
            columns={[
              { header: t("people.email"), cell: (invite) => invite.email, className: "user-text" },
              { header: t("people.role"), cell: (invite) => t(`roles.${invite.role}`) },
              {
                header: t("people.since"),
                cell: (invite) => (
                  <>
                    {t("people.invitedBy", { name: invite.invitedBy.name })}
                    <br />
                    <span className="muted small">{t("people.expires", { date: dateFormat.format(new Date(invite.expiresAt)) })}</span>
                  </>
                ),
              },
            ]}
            actionHeader={t("people.revoke")}
            action={(invite) => ({ label: t("people.revoke"), question: t("people.revokeConfirm", { email: invite.email }), confirmLabel: t("people.revoke"), hidden: { intent: "revoke-invite", inviteId: invite.id } })}
          />
        )}
      </section>

      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t("people.members")}</h2>
        <ConfirmTable
          rows={members}
          rowKey={(m) => m.id}
          columns={[
            { header: t("people.name"), cell: (m) => m.user.name, className: "user-text" },
            { header: t("people.email"), cell: (m) => m.user.email, className: "user-text" },
            { header: t("people.role"), cell: (m) => t(`roles.${m.role}`) },
            { header: t("people.since"), cell: (m) => dateFormat.format(new Date(m.createdAt)) },
          ]}
        />
      </section>
    </div>
  );
}
