import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { PublicShell } from "~/components/shell/public-shell";
import { titleMeta } from "~/i18n/meta";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LoginSchema } from "~/modules/auth/schemas";
import { safeRedirect } from "~/utils/safe-redirect";
import { signIn } from "~/modules/auth/service.server";
import { commitSessionId } from "~/modules/auth/cookie.server";
import { getOptionalActor } from "~/modules/auth/guard.server";
import { AppError, isAppError } from "~/utils/app-error";
import { localeCookie } from "~/i18n/i18next.server";
import { isLocale } from "~/i18n/config";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { translatorFor } from "~/utils/http-errors.server";
import { requestMeta } from "~/utils/request.server";
import { FormError, Notice, SubmitButton, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";

export const meta = titleMeta("titles.signIn");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalActor(request)) throw redirect("/home");
  return null;
}

/** The sign-in limits live in `signIn` itself, so /login, /login.data and any variant are limited alike. */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const t = await translatorFor(request);
  const { email, password, redirectTo } = parseForm(formData, LoginSchema);
  const { session, user } = await signIn({ email, password, request: requestMeta(request) }).catch((error: unknown) => {
    // Same status, same words for a wrong password and a locked account, in the person's language.
    if (isAppError(error) && (error.status === 400 || error.status === 429)) {
      throw new AppError({ message: t(error.status === 429 ? "login.throttled" : "login.failed"), status: error.status });
    }
    throw error;
  });
  const headers = new Headers({ "Set-Cookie": await commitSessionId(session.id) });
  // The language the person chose (stored on their account) wins over the one the sign-in page was shown in.
  if (isLocale(user.preferredLocale)) headers.append("Set-Cookie", await localeCookie.serialize(user.preferredLocale));
  return redirect(safeRedirect(redirectTo), { headers });
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<FormErrors>();
  const [params] = useSearchParams();
  const { form, fields } = useSchemaForm({ schema: LoginSchema, result: actionData });
  return (
    <PublicShell>
      <h1>{t("login.title")}</h1>
      <p className="muted">{t("login.intro")}</p>
      {params.get("signedOut") ? <Notice>{t("login.signedOut")}</Notice> : null}
      <FormError message={form.error} />
      <Form method="post" {...form.props}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField label={t("login.email")} type="email" autoComplete="username" {...schemaField(fields.email)} autoFocus />
        <TextField label={t("login.password")} type="password" autoComplete="current-password" {...schemaField(fields.password)} />
        <SubmitButton pendingLabel={t("login.submitting")}>{t("login.submit")}</SubmitButton>
      </Form>
      <p className="hint">{t("login.demoHint")}</p>
    </PublicShell>
  );
}
