import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ScrollTable } from "~/components/ui/scroll-table";
import { titleMeta } from "~/i18n/meta";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VignetteSections } from "~/components/conference/vignette-sections";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { conferenceIdOf } from "~/modules/conference/http.server";
import { parseForm } from "~/utils/forms.server";
import { getConference } from "~/modules/conference/scheduling.server";
import { hideMessage } from "~/modules/conference/chat.server";
import { markNextStepDone } from "~/modules/conference/next-steps.server";
import { coalitionTimeZone } from "~/modules/conference/queries.server";
import { HideMessageSchema, NextStepDoneSchema } from "~/modules/conference/schemas";
import { ConfirmForm } from "~/components/ui/confirm-form";
import { formatDate, formatDateTime } from "~/modules/conference/time";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta<typeof loader>("titles.conferenceSummary", ({ data }) => data?.conference.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "conferences:join");
  const detail = await getConference({ conferenceId: conferenceIdOf(params), actor });
  const timeZone = await coalitionTimeZone(detail.conference.coalitionId);
  return {
    conference: {
      id: detail.conference.id,
      title: detail.conference.title,
      agenda: detail.conference.agenda,
      startsAt: detail.conference.startsAt.toISOString(),
      status: detail.conference.status,
      endedAt: detail.conference.endedAt?.toISOString() ?? null,
    },
    host: detail.host,
    organizations: detail.organizations,
    vignettes: detail.vignettes.filter((v) => v.sharedAt).map((v) => ({ id: v.id, title: v.title, situation: v.situation, strengths: v.strengths, needs: v.needs, tried: v.tried, question: v.question, sdohCategories: v.sdohCategories, authorName: v.authorName })),
    messages: detail.messages,
    nextSteps: detail.nextSteps,
    myOrganizationId: actor.organizationId,
    timeZone,
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "conferences:join");
  const input = parseForm(await request.formData(), z.discriminatedUnion("intent", [NextStepDoneSchema, HideMessageSchema]));
  if (input.intent === "hide") {
    await hideMessage({ actor, conferenceId: conferenceIdOf(params), seq: input.seq });
    return { hidden: true };
  }
  await markNextStepDone({ actor, nextStepId: input.nextStepId });
  return { done: true };
}

export default function ConferenceSummary() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language, { timeStyle: "short", timeZone: data.timeZone }).format(new Date(iso));
  const sharedIds = new Set(data.vignettes.map((v) => v.id));
  const threads = [{ id: null as string | null, title: t("conference.room.generalThread") }, ...data.vignettes.map((v) => ({ id: v.id as string | null, title: v.title }))]
    .map((th) => ({ ...th, messages: data.messages.filter((m) => (m.vignetteId ?? null) === th.id) }))
    // The discussion of a vignette withdrawn since is kept, under a title that names nothing.
    .concat([{ id: "withdrawn", title: t("conference.summary.withdrawnThread"), messages: data.messages.filter((m) => m.vignetteId && !sharedIds.has(m.vignetteId)) }])
    .filter((th) => th.messages.length > 0);

  return (
    <div className="stack summary">
      <p className="no-print"><Link to={`/conferences/${data.conference.id}`}>← {t("conference.summary.backToRoom")}</Link></p>
      <header className="page-header conference-header">
        <div>
          <h1>{t("conference.summary.title", { title: data.conference.title })}</h1>
          <p className="muted">
            {formatDateTime(data.conference.startsAt, i18n.language, data.timeZone)} · {t("conference.hostedBy", { host: data.host.name })} ·{" "}
            {t(`conference.status.${data.conference.status}`)}
          </p>
          <p className="muted small">{t("conference.summary.organizations", { list: data.organizations.map((o) => o.name).join(", ") })}</p>
        </div>
        <button type="button" className="button no-print" onClick={() => window.print()}>
          {t("conference.summary.print")}
        </button>
      </header>

      <section className="card" aria-labelledby="steps-title">
        <h2 id="steps-title">{t("conference.steps.title")}</h2>
        {data.nextSteps.length === 0 ? (
          <p className="muted">{t("conference.steps.none")}</p>
        ) : (
          <ScrollTable name={t("conference.steps.title")}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("conference.steps.what")}</th>
                <th scope="col">{t("conference.steps.owner")}</th>
                <th scope="col">{t("conference.steps.organization")}</th>
                <th scope="col">{t("conference.steps.due")}</th>
                <th scope="col">{t("conference.steps.status")}</th>
              </tr>
            </thead>
            <tbody>
              {data.nextSteps.map((s) => {
                const overdue = !s.doneAt && s.dueDate < data.today;
                return (
                  <tr key={s.id} data-testid="step-row">
                    <td>{s.what}</td>
                    <td>{s.ownerName}</td>
                    <td>{s.ownerOrganizationName}</td>
                    <td>{formatDate(s.dueDate, i18n.language)}</td>
                    <td>
                      {s.doneAt ? (
                        <span className="badge">{t("conference.steps.done")}</span>
                      ) : (
                        <>
                          <span className={`badge${overdue ? " badge--overdue" : " badge--open"}`}>{overdue ? t("conference.steps.overdue") : t("conference.steps.open")}</span>
                          {s.ownerOrganizationId === data.myOrganizationId ? (
                            <Form method="post" className="inline-form no-print">
                              <input type="hidden" name="nextStepId" value={s.id} />
                              <button type="submit" name="intent" value="done" className="button button--small">
                                {t("conference.steps.markDone")}
                              </button>
                            </Form>
                          ) : null}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </ScrollTable>
        )}
      </section>

      <section className="card" aria-labelledby="vignettes-title">
        <h2 id="vignettes-title">{t("conference.room.vignettes")}</h2>
        {data.vignettes.length === 0 ? <p className="muted">{t("conference.room.noVignettes")}</p> : null}
        {data.vignettes.map((v) => (
          <article key={v.id} className="vignette">
            <h3>{v.title}</h3>
            <p className="muted small">{t("conference.room.by", { name: v.authorName })}</p>
            <VignetteSections vignette={v} />
          </article>
        ))}
      </section>

      <section className="card" aria-labelledby="discussion-title">
        <h2 id="discussion-title">{t("conference.summary.discussion")}</h2>
        {threads.length === 0 ? <p className="muted">{t("conference.room.noMessages")}</p> : null}
        {threads.map((th) => (
          <div key={th.id ?? "general"}>
            <h3>{th.title}</h3>
            <ol className="thread thread--print">
              {th.messages.map((m) => (
                <li key={m.seq} className="message">
                  <p className="message-meta">
                    <strong>{m.authorName}</strong> · {m.organizationName} · <time dateTime={m.createdAt}>{time(m.createdAt)}</time>
                  </p>
                  {m.hiddenAt ? (
                    <p className="message-body message-body--hidden">{t("conference.room.hiddenBy", { name: m.hiddenByName ?? "" })}</p>
                  ) : (
                    <>
                      <p className="message-body pre-line">{m.body}</p>
                      <div className="no-print">
                        <ConfirmForm question={t("conference.room.hideQuestion")} confirmLabel={t("conference.room.hideConfirm")} hidden={{ intent: "hide", seq: String(m.seq) }}>
                          {t("conference.room.hide")}
                        </ConfirmForm>
                      </div>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>
    </div>
  );
}
