import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { PublicShell } from "~/components/shell/public-shell";
import { titleMeta } from "~/i18n/meta";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AcceptInviteExistingSchema, AcceptInviteSchema } from "~/modules/org/schemas";
import { acceptInvite, findOpenInvite } from "~/modules/org/service.server";
import { startSession } from "~/modules/auth/service.server";
import { i18nServer } from "~/i18n/i18next.server";
import { commitSessionId } from "~/modules/auth/cookie.server";
import { getOptionalActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { requestMeta } from "~/utils/request.server";
import { FormError, SubmitButton, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";

export const meta = titleMeta("titles.invitation");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invite = await findOpenInvite(params.token ?? "");
  const path = new URL(request.url).pathname;
  if (!invite) return { invite: null, signedInAs: null, path };
  const actor = await getOptionalActor(request);
  return {
    invite: { email: invite.email, role: invite.role, organization: invite.organization.name, inviter: invite.invitedBy.name, hasAccount: invite.hasAccount },
    signedInAs: actor?.userEmail ?? null,
    path,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  const meta = requestMeta(request);
  if (formData.get("intent") === "join") {
    const actor = await getOptionalActor(request);
    parseForm(formData, AcceptInviteExistingSchema);
    await acceptInvite({ token, request: meta, signedInUserId: actor?.userId });
    return redirect("/home");
  }
  const locale = await i18nServer.getLocale(request);
  const { name, password } = parseForm(formData, AcceptInviteSchema);
  const { user, membership } = await acceptInvite({ token, name, password, request: meta, locale });
  const session = await startSession({ user: { id: user.id, memberships: [{ organizationId: membership.organizationId }] }, request: meta });
  return redirect("/home", { headers: { "Set-Cookie": await commitSessionId(session.id) } });
}

export default function AcceptInvite() {
  const { t } = useTranslation();
  const { invite, signedInAs, path } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { form, fields } = useSchemaForm({ schema: AcceptInviteSchema, result: actionData });
  return (
    <PublicShell>
      {!invite ? (
        <>
          <h1>{t("invite.invalid")}</h1>
          <p>{t("invite.invalidBody")}</p>
          <p><Link to="/login">{t("login.title")}</Link></p>
        </>
      ) : (
        <>
          <h1>{t("invite.title", { organization: invite.organization })}</h1>
          <p>{t("invite.intro", { inviter: invite.inviter, email: invite.email, organization: invite.organization, role: t(`roles.${invite.role}`) })}</p>
          <FormError message={actionData?.formError} />
          {invite.hasAccount ? (
            signedInAs === invite.email ? (
              <Form method="post">
                <SubmitButton intent="join" pendingLabel={t("invite.submitting")}>{t("invite.join", { organization: invite.organization })}</SubmitButton>
              </Form>
            ) : (
              <p>
                {t("invite.hasAccount", { email: invite.email })}{" "}
                <Link to={`/login?redirectTo=${encodeURIComponent(path)}`}>{t("invite.signInToAccept")}</Link>
              </p>
            )
          ) : (
            <Form method="post" {...form.props}>
              <TextField label={t("invite.name")} autoComplete="name" {...schemaField(fields.name)} />
              <TextField label={t("invite.password")} hint={t("invite.passwordHint")} type="password" autoComplete="new-password" {...schemaField(fields.password)} />
              <TextField label={t("invite.confirmPassword")} type="password" autoComplete="new-password" {...schemaField(fields.confirmPassword)} required />
              <SubmitButton pendingLabel={t("invite.submitting")}>{t("invite.submit")}</SubmitButton>
            </Form>
          )}
        </>
      )}
    </PublicShell>
  );
}
