import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n/i18next.server";
import { ChangePasswordSchema } from "~/modules/auth/schemas";
import { changePassword } from "~/modules/auth/service.server";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { FormError, Notice, SubmitButton, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.password");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, null, "user");
  return null;
}

type ActionResult = FormErrors & { changed?: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, null, "user");
  const locale = await i18nServer.getLocale(request);
  const { currentPassword, newPassword } = parseForm(await request.formData(), ChangePasswordSchema);
  await changePassword({ actor, currentPassword, newPassword, locale });
  return { changed: true };
}

export default function ChangePassword() {
  const { t } = useTranslation();
  const actionData = useActionData<ActionResult>();
  const { form, fields } = useSchemaForm({ schema: ChangePasswordSchema, result: actionData?.changed ? undefined : actionData });
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("password.title")}</h1>
        <p className="muted">{t("password.intro")}</p>
      </header>
      <section className="card">
        {actionData?.changed ? <Notice>{t("password.changed")}</Notice> : null}
        <FormError message={form.error} />
        {/* A fresh form after a change: the browser must not keep the passwords in the fields. */}
        <Form method="post" key={actionData?.changed ? "changed" : "form"} {...form.props}>
          <TextField label={t("password.current")} type="password" autoComplete="current-password" {...schemaField(fields.currentPassword)} />
          <TextField label={t("password.new")} hint={t("password.newHint")} type="password" autoComplete="new-password" {...schemaField(fields.newPassword)} />
          <TextField label={t("password.confirm")} type="password" autoComplete="new-password" {...schemaField(fields.confirmPassword)} required />
          <SubmitButton pendingLabel={t("password.submitting")}>{t("password.submit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
