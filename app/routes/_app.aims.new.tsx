import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { createAimSchema, HP2030_DOMAINS } from "~/modules/aims/schemas";
import { i18nServer } from "~/i18n/i18next.server";
import { createAim } from "~/modules/aims/service.server";
import { listMeasures } from "~/modules/aims/queries.server";
import { listMemberOrganizations } from "~/modules/coalition/service.server";
import { FormError, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { CheckboxGroup } from "~/components/ui/checkbox-group";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.newAim");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "aims:admin", "coalition");
  const [measures, partners] = await Promise.all([listMeasures(actor.coalitionId), listMemberOrganizations(actor.coalitionId)]);
  return { measures: measures.map((m) => ({ id: m.id, name: m.name, unit: m.unit })), partners: partners.map((p) => ({ id: p.id, name: p.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "aims:admin", "coalition");
  const { intent: _intent, ...input } = parseForm(await request.formData(), createAimSchema(await i18nServer.getLocale(request)));
  await createAim({ actor, input });
  return redirect("/aims");
}

export default function NewAim() {
  const { t, i18n } = useTranslation();
  const { measures, partners } = useLoaderData<typeof loader>();
  // Numbers are read in the page's language, as the action reads them ("12,5" on a Spanish page).
  const schema = useMemo(() => createAimSchema(i18n.language), [i18n.language]);
  const { form, fields } = useSchemaForm({ schema, result: useActionData<FormErrors>() });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="stack narrow">
      <p><Link to="/aims">← {t("aims.measure.back")}</Link></p>
      <header className="page-header">
        <h1>{t("aims.form.aimTitle")}</h1>
        <p className="muted">{t("aims.form.aimIntro")}</p>
      </header>
      <FormError message={form.error} />
      <Form method="post" className="card" {...form.props}>
        <input type="hidden" name="intent" value="create-aim" />
        <TextAreaField label={t("aims.form.statement")} hint={t("aims.form.statementHint")} rows={2} {...schemaField(fields.statement)} />
        <TextField label={t("aims.form.population")} {...schemaField(fields.population)} />
        <SelectField label={t("aims.form.measure")} placeholder={t("aims.form.chooseMeasure")} options={measures.map((m) => ({ value: m.id, label: `${m.name} (${m.unit})` }))} {...schemaField(fields.measureId)} />
        <div className="grid-form">
          <TextField label={t("aims.form.baselineValue")} inputMode="decimal" {...schemaField(fields.baselineValue)} />
          <TextField label={t("aims.form.baselineDate")} type="date" defaultValue={today} {...schemaField(fields.baselineDate)} />
          <TextField label={t("aims.form.targetValue")} inputMode="decimal" {...schemaField(fields.targetValue)} />
          <TextField label={t("aims.form.targetDate")} type="date" {...schemaField(fields.targetDate)} />
        </div>
        <CheckboxGroup legend={t("aims.form.domains")} name="domains" options={HP2030_DOMAINS.map((d) => ({ value: d, label: t(`aims.domains.${d}`) }))} />
        <CheckboxGroup legend={t("aims.form.contributors")} name="contributorIds" options={partners.map((p) => ({ value: p.id, label: p.name }))} columns />
        <SubmitButton pendingLabel={t("aims.form.creating")}>{t("aims.form.createAim")}</SubmitButton>
      </Form>
    </div>
  );
}
