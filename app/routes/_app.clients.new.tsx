import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { CLIENT_LANGUAGES, RegisterClientSchema } from "~/modules/client/schemas";
import { registerClient, type DuplicateCandidate } from "~/modules/client/service.server";
import { FormError, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
import { formatBirthDate, formatDay } from "~/components/consent/format";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.newClient");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "clients:write");
  return { organization: { id: actor.organizationId, name: actor.organizationName } };
}

type ActionResult = FormErrors & { duplicates?: (Omit<DuplicateCandidate, "createdAt"> & { createdAt: string | Date })[] };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "clients:write");
  const input = parseForm(await request.formData(), RegisterClientSchema);
  const result = await registerClient({ actor, input });
  if (result.status === "possible-duplicates") return { duplicates: result.duplicates } satisfies ActionResult;
  return redirect(`/clients/${result.clientId}?registered=1`);
}

export default function RegisterClient() {
  const { t, i18n } = useTranslation();
  const { organization } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const { form, fields } = useSchemaForm({ schema: RegisterClientSchema, result: actionData });
  const duplicates = actionData?.duplicates;
  return (
    <div className="stack narrow">
      <p><Link to="/clients">← {t("consent.detail.back")}</Link></p>
      <header className="page-header">
        <h1>{t("consent.register.title")}</h1>
        <p className="muted">{t("consent.register.intro")}</p>
      </header>
      <section className="card">
        <FormError message={form.error} />
        <Form method="post" {...form.props}>
          <TextField label={t("consent.register.name")} autoComplete="off" {...schemaField(fields.name)} />
          <TextField label={t("consent.register.birthDate")} type="date" {...schemaField(fields.birthDate)} />
          <TextField label={t("consent.register.contact")} hint={t("consent.register.contactHint")} autoComplete="off" {...schemaField(fields.contact)} />
          <SelectField
            label={t("consent.register.language")}
            {...schemaField(fields.preferredLanguage)}
            placeholder={t("consent.register.chooseLanguage")}
            defaultValue={i18n.language === "es" ? "es" : "en"}
            options={CLIENT_LANGUAGES.map((l) => ({ value: l, label: t(`consent.languages.${l}`) }))}
          />
          <TextField label={t("consent.register.address")} autoComplete="off" {...schemaField(fields.address)} />
          <TextAreaField label={t("consent.register.notes")} hint={t("consent.register.notesHint")} rows={3} {...schemaField(fields.notes)} />
          {duplicates?.length ? (
            <div className="alert" role="alert" aria-labelledby="duplicates-title">
              <h2 id="duplicates-title">{t("consent.register.duplicatesTitle")}</h2>
              <p>{t("consent.register.duplicatesBody", { organization: organization.name })}</p>
              <ul>
                {duplicates.map((d) => (
                  <li key={d.id}>
                    <Link to={`/clients/${d.id}`}>{d.name}</Link>, {formatBirthDate(d.birthDate, i18n.language)} ({t("consent.register.registeredOn", { date: formatDay(d.createdAt, i18n.language) })})
                  </li>
                ))}
              </ul>
              <label className="checkbox">
                <input type="checkbox" name="confirmNotDuplicate" value="yes" /> {t("consent.register.confirmDifferent")}
              </label>
            </div>
          ) : null}
          <SubmitButton intent="register" pendingLabel={t("consent.register.submitting")}>{t("consent.register.submit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
