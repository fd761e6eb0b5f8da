import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { WinSchema } from "~/modules/aims/schemas";
import { postWin } from "~/modules/aims/service.server";
import { getAimsAndCelebrations, getDueValues, listMeasures, listWins } from "~/modules/aims/queries.server";
import { formatPeriod, type Frequency } from "~/modules/aims/periods";
import { FormError, Notice, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
import { AimCard } from "~/components/aims/aim-card";
import { Celebrations } from "~/components/aims/celebrations";
import { CardError, CardFailed } from "~/components/ui/card-error";
import { loadCards } from "~/utils/cards.server";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.aims");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:read", "coalition");
  const coalitionId = actor.coalitionId;
  const organizationId = actor.organizationId && actor.permissions.has("aims:enter") ? actor.organizationId : null;
  // Each card on its own: one bad stored value fails the aims card, not the page (ADR 066).
  const cards = await loadCards(
    {
      aims: () => getAimsAndCelebrations(coalitionId),
      measures: () => listMeasures(coalitionId),
      wins: () => listWins(coalitionId),
      due: async () => (organizationId ? getDueValues({ organizationId, coalitionId }) : []),
    },
    request,
  );
  return { ...cards, can: { admin: actor.permissions.has("aims:admin"), enter: actor.permissions.has("aims:enter"), postWin: actor.permissions.has("wins:post") } };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "wins:post", "coalition");
  const { title, story } = parseForm(await request.formData(), WinSchema);
  await postWin({ actor, title, story });
  return { posted: true } as FormErrors & { posted?: boolean };
}

export default function AimsPage() {
  const { t, i18n } = useTranslation();
  const { aims: aimsCard, measures: measuresCard, wins: winsCard, due: dueCard, can } = useLoaderData<typeof loader>();
  const measures = measuresCard.ok ? measuresCard.data : [];
  const due = dueCard.ok ? dueCard.data : [];
  const actionData = useActionData<FormErrors & { posted?: boolean }>();
  const winForm = useRef<HTMLFormElement>(null);
  const { form, fields } = useSchemaForm({ schema: WinSchema, result: actionData?.posted ? undefined : actionData });
  useEffect(() => {
    if (actionData?.posted) winForm.current?.reset();
  }, [actionData]);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  const measureFrequency = new Map(measures.map((m) => [m.id, m.frequency as Frequency]));

  return (
    <div className="stack">
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("aims.title")}</h1>
          <p className="muted">{t("aims.intro")}</p>
        </div>
        {can.admin ? (
          <div className="actions">
            <Link className="button button--primary" to="/aims/new">{t("aims.newAim")}</Link>
            <Link className="button" to="/aims/measures/new">{t("aims.newMeasure")}</Link>
          </div>
        ) : null}
      </header>

      {aimsCard.ok ? <Celebrations celebrations={aimsCard.data.celebrations} /> : null}

      {can.enter && !dueCard.ok ? <CardError title={t("aims.due.heading")} /> : null}
      {can.enter && due.length > 0 ? (
        <section className="card" aria-labelledby="due-title">
          <h2 id="due-title">{t("aims.due.heading")}</h2>
          <ul className="due-list">
            {due.map((d) => (
              <li key={`${d.measureId}-${d.period}`}>
                {t("aims.due.item", { measure: d.measureName, period: formatPeriod(new Date(`${d.period}T00:00:00Z`), measureFrequency.get(d.measureId) ?? "MONTHLY", i18n.language) })}{" "}
                <Link to={`/aims/measures/${d.measureId}?period=${d.period}#enter`}>{t("aims.due.enter")}<span className="visually-hidden"> {d.measureName}</span></Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="aims-title">
        <h2 id="aims-title">{t("aims.aimsHeading")}</h2>
        {!aimsCard.ok ? (
          <CardFailed />
        ) : aimsCard.data.aims.length === 0 ? (
          <p className="empty-state">{can.admin ? t("aims.noAimsConvener") : t("aims.noAims")}</p>
        ) : (
          <div className="cards">
            {aimsCard.data.aims.map((aim) => (
              <AimCard key={aim.id} aim={aim} />
            ))}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="measures-title">
        <h2 id="measures-title">{t("aims.measuresHeading")}</h2>
        {!measuresCard.ok ? (
          <CardFailed />
        ) : measures.length === 0 ? (
          <p className="muted">{t("aims.noMeasures")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("aims.form.name")}</th>
                <th scope="col">{t("aims.form.type")}</th>
                <th scope="col">{t("aims.form.frequency")}</th>
                <th scope="col">{t("aims.form.source")}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/aims/measures/${m.id}`}>{m.name}</Link>
                    <div className="muted small">{m.unit}</div>
                  </td>
                  <td>{t(`aims.measureTypes.${m.type}`)}</td>
                  <td>{t(`aims.frequencies.${m.frequency}`)}</td>
                  <td>{t(`aims.sources.${m.source}`)}{m.source !== "COMPUTED" ? <div className="muted small">{t("aims.valuesCount", { count: m._count.values })}</div> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="wins-title">
        <h2 id="wins-title">{t("aims.wins.heading")}</h2>
        {!winsCard.ok ? <CardFailed /> : winsCard.data.length === 0 ? <p className="muted">{t("aims.wins.none")}</p> : (
          <ul className="wins">
            {winsCard.data.map((w) => (
              <li key={w.id}>
                <h3>{w.title}</h3>
                <p>{w.story}</p>
                <p className="muted small">{t("aims.wins.by", { organization: w.organization.name, date: dateFormat.format(new Date(w.createdAt)) })}</p>
              </li>
            ))}
          </ul>
        )}
        {can.postWin ? (
          <>
            <h3>{t("aims.wins.post")}</h3>
            {actionData?.posted ? <Notice>{t("aims.wins.posted")}</Notice> : null}
            <FormError message={form.error} />
            <Form method="post" ref={winForm} {...form.props}>
              <input type="hidden" name="intent" value="post-win" />
              <TextField label={t("aims.wins.titleLabel")} {...schemaField(fields.title)} />
              <TextAreaField label={t("aims.wins.storyLabel")} hint={t("aims.wins.storyHint")} rows={3} {...schemaField(fields.story)} />
              <SubmitButton pendingLabel={t("aims.wins.posting")}>{t("aims.wins.post")}</SubmitButton>
            </Form>
          </>
        ) : null}
      </section>
    </div>
  );
}
