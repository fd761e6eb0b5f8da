import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { conferenceIdOf } from "~/modules/conference/http.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { parseSearchParams } from "~/utils/params.server";
import { uuid } from "~/utils/form-fields";
import { openOwnVignette } from "~/modules/conference/queries.server";
import { DismissFindingSchema, ShareVignetteSchema, VIGNETTE_FIELDS, VignetteSchema, type VignetteField } from "~/modules/conference/schemas";
import { requireConferenceAccess } from "~/modules/conference/service.server";
import { missedReportBehindWithdrawal } from "~/modules/conference/missed.server";
import { secondReaderRequired } from "~/modules/conference/second-reader.server";
import { dismissFinding, saveVignette, shareVignette, unresolvedFindings } from "~/modules/conference/vignettes.server";
import { applyReplacements } from "~/modules/deid/types";
import { HighlightedText } from "~/components/conference/highlighted-text";
import { Notice } from "~/components/ui/form";
import { DismissFindingForm, ShareVignetteForm, VignetteForm } from "~/components/conference/vignette-forms";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.vignette");

async function context(request: Request, conferenceId: string) {
  const actor = await requireActor(request, "conferences:join");
  const conference = await requireConferenceAccess(conferenceId, actor.organizationId);
  return { conference, actor };
}

const VignetteQuery = z.object({ id: uuid().optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, conference } = await context(request, conferenceIdOf(params));
  const { id } = await parseSearchParams(request, VignetteQuery);
  let vignette = null;
  if (id) {
    const found = await openOwnVignette({ actor, conferenceId: conference.id, vignetteId: id });
    vignette = { ...found, findings: await unresolvedFindings(found), missed: found.sharedAt ? null : await missedReportBehindWithdrawal(found) };
  }
  return { conference: { id: conference.id, title: conference.title, status: conference.status }, vignette, secondReader: await secondReaderRequired(conference.id), shared: new URL(request.url).searchParams.get("shared") === "1" };
}

const ActionSchema = z.discriminatedUnion("intent", [VignetteSchema, DismissFindingSchema, ShareVignetteSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { conference, actor } = await context(request, conferenceIdOf(params));
  const input = parseForm(await request.formData(), ActionSchema);
  if (input.intent === "save-vignette") {
    const { intent: _intent, vignetteId, ...fields } = input;
    const { vignette } = await saveVignette({ actor, conferenceId: conference.id, vignetteId, input: fields });
    return redirect(`/conferences/${conference.id}/vignette?id=${vignette.id}`);
  }
  if (input.intent === "dismiss") {
    const { intent: _intent, ...rest } = input;
    await dismissFinding({ actor, input: rest });
    return redirect(`/conferences/${conference.id}/vignette?id=${input.vignetteId}`);
  }
  await shareVignette({ actor, vignetteId: input.vignetteId, reviewedByAuthor: input.reviewed === "on" });
  return redirect(`/conferences/${conference.id}?shared=1`);
}

export default function VignetteEditor() {
  const { t } = useTranslation();
  const { conference, vignette, secondReader } = useLoaderData<typeof loader>();
  const waitingForSecondReader = secondReader && !vignette?.approvedAt;
  const actionData = useActionData<FormErrors>();
  const values: Record<VignetteField, string> = Object.fromEntries(VIGNETTE_FIELDS.map((f) => [f, vignette?.[f] ?? ""])) as Record<VignetteField, string>;
  const categories = vignette?.sdohCategories ?? [];
  const findings = vignette?.findings ?? [];
  const count = findings.reduce((n, f) => n + f.findings.length, 0);
  const typeLabel = (type: string) => t(`conference.types.${type}`, { defaultValue: type });
  const hidden = (overrides: Partial<Record<VignetteField, string>>) => (
    <>
      <input type="hidden" name="intent" value="save-vignette" />
      {vignette ? <input type="hidden" name="vignetteId" value={vignette.id} /> : null}
      {VIGNETTE_FIELDS.map((f) => (
        <input key={f} type="hidden" name={f} value={overrides[f] ?? values[f]} />
      ))}
      {categories.map((c) => (
        <input key={c} type="hidden" name="sdohCategories" value={c} />
      ))}
    </>
  );

  return (
    <div className="stack">
      <p><Link to={`/conferences/${conference.id}`}>← {conference.title}</Link></p>
      <header className="page-header">
        <h1>{vignette ? t("conference.vignette.editTitle") : t("conference.vignette.newTitle")}</h1>
        <p className="muted">{t("conference.vignette.intro")}</p>
      </header>

      {vignette ? (
        <section className="card" aria-labelledby="check-title" aria-live="polite">
          <h2 id="check-title">{t("conference.vignette.checkTitle")}</h2>
          {vignette.withdrawnAt && !vignette.sharedAt ? (
            <p className="alert alert--error" role="status">
              {vignette.missed
                ? t("conference.vignette.missedNotice", { name: vignette.withdrawnByName ?? "", type: typeLabel(vignette.missed.type) })
                : t("conference.vignette.withdrawnNotice", { name: vignette.withdrawnByName ?? "" })}
            </p>
          ) : null}
          {count === 0 ? (
            <>
              <Notice>{vignette.sharedAt ? t("conference.vignette.alreadyShared") : t("conference.vignette.clean")}</Notice>
              {!vignette.sharedAt && secondReader && vignette.approvedAt ? <Notice>{t("conference.secondReader.approvedBy", { name: vignette.approvedByName ?? "" })}</Notice> : null}
              {!vignette.sharedAt && waitingForSecondReader ? (
                <p className="alert" role="status" data-testid="second-reader-waiting">{t("conference.secondReader.waiting")}</p>
              ) : !vignette.sharedAt ? (
                <ShareVignetteForm vignetteId={vignette.id} result={actionData} />
              ) : null}
            </>
          ) : (
            <>
              <p className="alert" role="status">{t("conference.vignette.findingsCount", { count })}</p>
              {findings.map(({ field, findings: list }) => (
                <div key={field} className="finding-field">
                  <h3>{t(`conference.vignette.fields.${field}`)}</h3>
                  <p className="finding-text"><HighlightedText text={values[field]} findings={list} typeLabel={typeLabel} /></p>
                  <ul className="finding-list">
                    {list.map((f) => (
                      <li key={`${f.start}-${f.type}`} className="finding-item">
                        <span>
                          <strong>{typeLabel(f.type)}</strong>{f.source === "clients" ? ` (${t("conference.vignette.knownClient")})` : f.source === "lexicon" ? ` (${t("conference.vignette.knownLexicon")})` : null}: <mark className="finding-mark">{f.text}</mark>
                        </span>
                        <Form method="post" className="inline-form">
                          {hidden({ [field]: applyReplacements(values[field], [f]) })}
                          <button type="submit" className="button button--small">{t("conference.vignette.replaceWith", { replacement: f.replacement })}</button>
                        </Form>
                        <details className="dismiss">
                          <summary className="button button--small">{t("conference.vignette.dismiss")}</summary>
                          <DismissFindingForm vignetteId={vignette.id} field={field} finding={f} />
                        </details>
                      </li>
                    ))}
                  </ul>
                  <Form method="post">
                    {hidden({ [field]: applyReplacements(values[field], list) })}
                    <button type="submit" className="button button--small">{t("conference.vignette.replaceAll")}</button>
                  </Form>
                </div>
              ))}
            </>
          )}
          {vignette.dismissals.length ? (
            <details>
              <summary>{t("conference.vignette.dismissedCount", { count: vignette.dismissals.length })}</summary>
              <ul>
                {vignette.dismissals.map((d) => (
                  <li key={d.id}>
                    {typeLabel(d.type)} “{d.text}” — {d.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="write-title">
        <h2 id="write-title">{t("conference.vignette.writeTitle")}</h2>
        <VignetteForm vignetteId={vignette?.id} version={vignette ? new Date(vignette.updatedAt).toISOString() : "new"} values={values} categories={categories} result={actionData} />
      </section>
    </div>
  );
}
