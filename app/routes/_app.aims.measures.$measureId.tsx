import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { currentTranslator } from "~/utils/http-errors.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { parseParams } from "~/utils/params.server";
import { AnnotationSchema, ANNOTATION_KINDS, enterValueSchema, RebaselineSchema } from "~/modules/aims/schemas";
import { measureValueRule } from "~/modules/aims/units";
import { i18nServer } from "~/i18n/i18next.server";
import { addAnnotation, enterValue, getMeasureInCoalition, importValuesCsv, rebaseline, type ImportRowResult } from "~/modules/aims/service.server";
import { chartOfMeasure, findMeasure, isMeasureReporter, listOrganizationValues, measureView } from "~/modules/aims/queries.server";
import { loadCard } from "~/utils/cards.server";
import { CardError, CardFailed } from "~/components/ui/card-error";
import { formatPeriod, recentPeriods } from "~/modules/aims/periods";
import { FormError, Notice, SelectField, SubmitButton, TextField } from "~/components/ui/form";
import { RunChart } from "~/components/aims/run-chart";
import { formatNumber } from "~/utils/format";
import { SignalList } from "~/components/aims/signal-list";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta<typeof loader>("titles.measure", ({ data }) => data?.measure.name);

const Params = z.object({ measureId: z.string().uuid() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const row = await findMeasure(parsed.data.measureId, actor.coalitionId);
  if (!row) throw new Response("Not found", { status: 404 });
  const measure = measureView(row);
  // The chart is a card of its own: a bad stored value fails the chart, not the page (ADR 066).
  const chart = await loadCard("measure-chart", () => chartOfMeasure(row), request);
  const canEnter = !!actor.organizationId && actor.permissions.has("aims:enter") && measure.source !== "COMPUTED";
  const reporter = canEnter ? await isMeasureReporter(measure.id, actor.organizationId) : false;
  const periods = reporter ? recentPeriods(new Date(), measure.frequency, 12).map((p) => p.toISOString().slice(0, 10)) : [];
  return {
    measure,
    chart,
    organization: actor.organizationId ? { id: actor.organizationId, name: actor.organizationName } : null,
    can: { enter: reporter, notAsked: canEnter && !reporter, admin: actor.permissions.has("aims:admin") },
    periods,
    ownValues: reporter ? (await listOrganizationValues({ measureId: measure.id, organizationId: actor.organizationId })).map((v) => ({ period: v.periodStart.toISOString().slice(0, 10), value: v.value })) : [],
  };
}

type ActionResult = FormErrors & { done?: string; report?: ImportRowResult[] };
const MAX_UPLOAD = 1_000_000;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  const { measureId } = parseParams(params, Params);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "enter-value" || intent === "import") {
    if (!actor.organizationId || !actor.permissions.has("aims:enter")) throw new Response("Forbidden", { status: 403 });
    if (intent === "import") {
      const file = formData.get("file");
      // In the page's language (the one mapper sets the request's translator around every action, ADR 071).
      const t = currentTranslator();
      if (!(file instanceof File) || file.size === 0) return data<ActionResult>({ intent: "import", formError: t("aims.enter.chooseFile"), fieldErrors: { file: [t("aims.enter.chooseFileField")] } }, { status: 400 });
      if (file.size > MAX_UPLOAD) return data<ActionResult>({ intent: "import", formError: t("aims.enter.fileTooLarge"), fieldErrors: { file: [t("aims.enter.fileTooLargeField")] } }, { status: 400 });
      const report = await importValuesCsv({ actor, measureId, csv: await file.text() });
      return { done: "import", report } satisfies ActionResult;
    }
    // The number is read in the page's language and kept to the unit's bounds ("12,5" %, never −5 households; ADR 082).
    const { unit } = await getMeasureInCoalition(measureId, actor.coalitionId);
    const schema = enterValueSchema({ unit, locale: await i18nServer.getLocale(request) });
    const { period, value } = parseForm(formData, schema);
    await enterValue({ actor, measureId, period: new Date(`${period}T00:00:00Z`), value });
    return { done: "enter-value" };
  }

  if (!actor.permissions.has("aims:admin")) throw new Response("Forbidden", { status: 403 });
  const input = parseForm(formData, z.discriminatedUnion("intent", [AnnotationSchema, RebaselineSchema]));
  if (input.intent === "annotate") await addAnnotation({ actor, measureId, period: new Date(`${input.period}T00:00:00Z`), kind: input.kind, label: input.label });
  else await rebaseline({ actor, measureId, baselinePoints: input.baselinePoints });
  return { done: input.intent };
}

export default function MeasurePage() {
  const { t, i18n } = useTranslation();
  const { measure: m, chart: chartCard, organization, can, periods, ownValues } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  const [params] = useSearchParams();
  const chart = chartCard.ok ? chartCard.data : null;
  const label = (period: string) => formatPeriod(new Date(`${period}T00:00:00Z`), m.frequency, i18n.language);
  const signalIndexes = new Set<number>();
  for (const s of chart?.analysis.signals ?? []) if (s.rule !== "too-few-runs" && s.rule !== "too-many-runs") for (let i = s.start; i <= s.end; i++) signalIndexes.add(i);
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const periodOptions = periods.map((p) => ({ value: p, label: label(p) }));
  const annotationPeriods = (chart?.points ?? []).map((p) => ({ value: p.period, label: label(p.period) }));
  const valueRule = measureValueRule(m.unit, i18n.language);
  // The value is read in the page's language and kept to the unit's bounds, as the action reads it.
  const valueSchema = useMemo(() => enterValueSchema({ unit: m.unit, locale: i18n.language }), [m.unit, i18n.language]);
  const entry = useSchemaForm({ schema: valueSchema, result: actionData?.done ? undefined : actionData, intent: "enter-value" });
  const annotation = useSchemaForm({ schema: AnnotationSchema, result: actionData?.done ? undefined : actionData, intent: "annotate" });

  return (
    <div className="stack">
      <p><Link to="/aims">← {t("aims.measure.back")}</Link></p>
      <header className="page-header">
        <h1>{m.name}</h1>
        <p className="muted">
          {t("aims.measure.about", { type: t(`aims.measureTypes.${m.type}`), unit: m.unit, frequency: t(`aims.frequencies.${m.frequency}`).toLowerCase(), direction: t(`aims.directions.${m.direction}`).toLowerCase(), source: t(`aims.sources.${m.source}`).toLowerCase() })}
        </p>
        {m.description ? <p>{m.description}</p> : null}
      </header>

      {chart ? (
        <>
          <section className="card" aria-labelledby="chart-title">
            <h2 id="chart-title" className="visually-hidden">{t("aims.chart.figureLabel", { name: m.name })}</h2>
            <RunChart chart={chart} />
          </section>

          <section className="card" aria-labelledby="signals-title">
            <h2 id="signals-title">{t("aims.measure.signalsHeading")}</h2>
            <SignalList chart={chart} label={label} />
          </section>

          <section className="card" aria-labelledby="table-title">
            <h2 id="table-title">{t("aims.measure.tableHeading")}</h2>
            {chart.points.length === 0 ? <p className="muted">{t("aims.chart.noData")}</p> : (
              <div className="table-scroll" tabIndex={0}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("aims.measure.period")}</th>
                      <th scope="col">{t("aims.measure.value", { unit: m.unit })}</th>
                      {m.source !== "COMPUTED" ? <th scope="col">{t("aims.measure.reporters")}</th> : null}
                      <th scope="col">{t("aims.measure.inSignal")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {chart.points.map((p, i) => (
                      <tr key={p.period}>
                        <th scope="row">{label(p.period)}</th>
                        <td>{formatNumber(p.value, i18n.language)}</td>
                        {m.source !== "COMPUTED" ? <td>{p.reporters}</td> : null}
                        <td>{signalIndexes.has(i) ? t("aims.measure.yes") : ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : (
        <CardError title={t("aims.chart.figureLabel", { name: m.name })} />
      )}

      {can.enter && organization ? (
        <section className="card" id="enter" aria-labelledby="enter-title">
          <h2 id="enter-title">{t("aims.enter.heading")}</h2>
          <p className="muted">{t("aims.enter.intro", { organization: organization.name })}</p>
          {actionData?.done === "enter-value" ? <Notice>{t("aims.enter.saved")}</Notice> : null}
          <FormError message={entry.form.error} />
          <Form method="post" className="inline-fields" {...entry.form.props}>
            <SelectField label={t("aims.enter.period")} options={periodOptions} defaultValue={params.get("period") ?? periods[periods.length - 1]} {...schemaField(entry.fields.period)} />
            <TextField label={t("aims.enter.value", { unit: m.unit })} inputMode={valueRule.kind === "count" ? "numeric" : "decimal"} hint={t(valueRule.key, valueRule.values)} {...schemaField(entry.fields.value)} />
            <SubmitButton intent="enter-value" pendingLabel={t("aims.enter.saving")}>{t("aims.enter.submit")}</SubmitButton>
          </Form>
          {ownValues.length ? (
            <details className="own-values">
              <summary>{t("aims.enter.yours")}</summary>
              <ul>{ownValues.map((v) => <li key={v.period}>{label(v.period)}: {formatNumber(v.value, i18n.language)}</li>)}</ul>
            </details>
          ) : null}

          <h3>{t("aims.enter.importHeading")}</h3>
          <p className="muted small">{t("aims.enter.importIntro")}</p>
          <FormError message={errorsFor("import")?.formError} />
          <Form method="post" encType="multipart/form-data" className="inline-fields">
            <TextField label={t("aims.enter.file")} name="file" type="file" accept=".csv,text/csv" errors={errorsFor("import")?.fieldErrors?.file} />
            <SubmitButton intent="import" pendingLabel={t("aims.enter.importing")}>{t("aims.enter.import")}</SubmitButton>
          </Form>
          {actionData?.report ? <ImportReport report={actionData.report} /> : null}
        </section>
      ) : can.notAsked ? (
        <p className="muted">{t("aims.enter.notAsked")}</p>
      ) : null}

      <section className="card" aria-labelledby="annotations-title">
        <h2 id="annotations-title">{t("aims.measure.annotationsHeading")}</h2>
        {!chart ? <CardFailed /> : chart.annotations.length === 0 ? <p className="muted">{t("aims.measure.noAnnotations")}</p> : (
          <ul>{chart.annotations.map((a) => <li key={`${a.period}-${a.label}`}><strong>{label(a.period)}</strong> — {t(`aims.measure.kinds.${a.kind}`)}: {a.label}</li>)}</ul>
        )}
        {can.admin && annotationPeriods.length ? (
          <>
            <h3>{t("aims.annotate.heading")}</h3>
            <FormError message={annotation.form.error} />
            <Form method="post" className="inline-fields" {...annotation.form.props}>
              <SelectField label={t("aims.enter.period")} options={annotationPeriods} defaultValue={annotationPeriods[annotationPeriods.length - 1]?.value} {...schemaField(annotation.fields.period)} />
              <SelectField label={t("aims.annotate.kind")} options={ANNOTATION_KINDS.map((k) => ({ value: k, label: t(`aims.measure.kinds.${k}`) }))} {...schemaField(annotation.fields.kind)} />
              <TextField label={t("aims.annotate.label")} {...schemaField(annotation.fields.label)} />
              <SubmitButton intent="annotate" pendingLabel={t("aims.annotate.saving")}>{t("aims.annotate.submit")}</SubmitButton>
            </Form>
          </>
        ) : null}
      </section>

      {can.admin ? (
        <section className="card" aria-labelledby="baseline-title">
          <h2 id="baseline-title">{t("aims.rebaseline.heading")}</h2>
          <p className="muted">{t("aims.rebaseline.intro")}</p>
          {actionData?.done === "rebaseline" ? <Notice>{t("aims.rebaseline.done")}</Notice> : null}
          <RebaselineForm current={m.baselinePoints} result={actionData?.done ? undefined : actionData} />
        </section>
      ) : null}
    </div>
  );
}

function RebaselineForm({ current, result }: { current: number; result?: FormErrors }) {
  const { t } = useTranslation();
  const { form, fields } = useSchemaForm({ schema: RebaselineSchema, result, intent: "rebaseline" });
  return (
    <Form method="post" className="inline-fields" {...form.props}>
      <FormError message={form.error} />
      <input type="hidden" name="intent" value="rebaseline" />
      <TextField label={t("aims.rebaseline.points")} type="number" defaultValue={current} {...schemaField(fields.baselinePoints)} />
      <button type="submit" className="button">{t("aims.rebaseline.submit")}</button>
    </Form>
  );
}

function ImportReport({ report }: { report: ImportRowResult[] }) {
  const { t } = useTranslation();
  const count = (s: string) => report.filter((r) => r.status === s).length;
  return (
    <div className="import-report" role="status">
      <p><strong>{t("aims.enter.report", { created: count("created"), updated: count("updated"), rejected: count("rejected") })}</strong></p>
      <table className="table">
        <thead><tr><th scope="col">{t("aims.enter.row")}</th><th scope="col">{t("aims.measure.period")}</th><th scope="col">{t("aims.enter.result")}</th></tr></thead>
        <tbody>
          {report.map((r) => (
            <tr key={r.row} className={r.status === "rejected" ? "row--rejected" : undefined}>
              <td>{r.row}</td>
              <td>{r.period ?? ""}</td>
              <td>{t(`aims.enter.statuses.${r.status}`)}{r.message ? `: ${r.message}` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

