import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { CreateMeasureSchema, MEASURE_AGGREGATIONS, MEASURE_DIRECTIONS, MEASURE_FREQUENCIES, MEASURE_SOURCES, MEASURE_TYPES } from "~/modules/aims/schemas";
import { createMeasure } from "~/modules/aims/service.server";
import { COMPUTED_MEASURES } from "~/modules/aims/computed.server";
import { listMemberOrganizations } from "~/modules/coalition/service.server";
import { FormError, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { CheckboxGroup } from "~/components/ui/checkbox-group";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.newMeasure");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "aims:admin", "coalition");
  const partners = await listMemberOrganizations(actor.coalitionId);
  return { partners: partners.map((p) => ({ id: p.id, name: p.name })), computed: COMPUTED_MEASURES.map((c) => ({ key: c.key, labelKey: c.labelKey, unit: c.unit })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "aims:admin", "coalition");
  const { intent: _intent, ...input } = parseForm(await request.formData(), CreateMeasureSchema);
  const measure = await createMeasure({ actor, input });
  return redirect(`/aims/measures/${measure.id}`);
}

export default function NewMeasure() {
  const { t } = useTranslation();
  const { partners, computed } = useLoaderData<typeof loader>();
  const { form, fields } = useSchemaForm({ schema: CreateMeasureSchema, result: useActionData<FormErrors>() });
  const [source, setSource] = useState("ENTERED");
  const options = <T extends string>(values: readonly T[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <div className="stack narrow">
      <p><Link to="/aims">← {t("aims.measure.back")}</Link></p>
      <header className="page-header">
        <h1>{t("aims.form.measureTitle")}</h1>
        <p className="muted">{t("aims.form.measureIntro")}</p>
      </header>
      <FormError message={form.error} />
      <Form method="post" className="card" {...form.props}>
        <input type="hidden" name="intent" value="create-measure" />
        <TextField label={t("aims.form.name")} {...schemaField(fields.name)} />
        <TextAreaField label={t("aims.form.description")} rows={2} {...schemaField(fields.description)} />
        <div className="grid-form">
          <SelectField label={t("aims.form.type")} placeholder={t("aims.form.choose")} options={options(MEASURE_TYPES, "aims.measureTypes")} {...schemaField(fields.type)} />
          <TextField label={t("aims.form.unit")} hint={t("aims.form.unitHint")} {...schemaField(fields.unit)} />
          <SelectField label={t("aims.form.direction")} placeholder={t("aims.form.choose")} options={options(MEASURE_DIRECTIONS, "aims.directions")} {...schemaField(fields.direction)} />
          <SelectField label={t("aims.form.frequency")} defaultValue="MONTHLY" options={options(MEASURE_FREQUENCIES, "aims.frequencies")} {...schemaField(fields.frequency)} />
          <SelectField label={t("aims.form.source")} value={source} onChange={(e) => setSource(e.target.value)} options={options(MEASURE_SOURCES, "aims.sources")} {...schemaField(fields.source)} />
          {/* Shown only for a computed measure, which the schema's refinement requires it for. */}
          {source === "COMPUTED" ? (
            <SelectField label={t("aims.form.computedKey")} placeholder={t("aims.form.chooseComputed")} options={computed.map((c) => ({ value: c.key, label: t(`aims.computed.${c.labelKey}`) }))} {...schemaField(fields.computedKey)} required />
          ) : (
            <SelectField label={t("aims.form.aggregation")} defaultValue="SUM" options={options(MEASURE_AGGREGATIONS, "aims.aggregations")} {...schemaField(fields.aggregation)} />
          )}
          <TextField label={t("aims.form.baselinePoints")} type="number" defaultValue={12} {...schemaField(fields.baselinePoints)} />
        </div>
        {source !== "COMPUTED" ? <CheckboxGroup legend={t("aims.form.reporters")} name="reporterIds" options={partners.map((p) => ({ value: p.id, label: p.name }))} columns /> : null}
        <SubmitButton pendingLabel={t("aims.form.creating")}>{t("aims.form.createMeasure")}</SubmitButton>
      </Form>
    </div>
  );
}
