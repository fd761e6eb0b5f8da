import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { getHomeSummary } from "~/modules/org/queries.server";
import { getAimsAndCelebrations, listWins } from "~/modules/aims/queries.server";
import { Celebrations } from "~/components/aims/celebrations";
import { ConvenerSummary } from "~/components/aims/convener-summary";
import { getConvenerSummary } from "~/modules/aims/convener-home.server";
import { getToday } from "~/modules/home/today.server";
import { Today } from "~/components/home/today";
import { loadCard, loadCards } from "~/utils/cards.server";
import { CardError, CardSlot } from "~/components/ui/card-error";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.home");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, null, "user");
  const coalitionId = actor.coalitionId;
  const organizationId = actor.organizationId;
  // Each card on its own: one bad stored row fails its card, never the whole home page (ADR 066).
  const [summary, cards] = await Promise.all([
    getHomeSummary({ organizationId, coalitionId }),
    loadCards(
      {
        dashboard: async () => (coalitionId ? getAimsAndCelebrations(coalitionId) : { aims: [], celebrations: [] }),
        wins: async () => (coalitionId ? listWins(coalitionId, 2) : []),
        today: async () => getToday({ actor }),
      },
      request,
    ),
  ]);
  const { dashboard } = cards;
  const convener = coalitionId && actor.isConvener ? await loadCard("convener", () => getConvenerSummary({ coalitionId, organizationId, aims: dashboard.ok ? dashboard.data.aims : null }), request) : null;
  return {
    name: actor.userName, organization: actor.organizationId ? { id: actor.organizationId, name: actor.organizationName, role: actor.organizationRole } : null, coalition: actor.coalitionId ? { id: actor.coalitionId, name: actor.coalitionName } : null, isConvener: actor.isConvener,
    dashboard: dashboard.ok ? ({ ok: true, data: { celebrations: dashboard.data.celebrations } } as const) : dashboard,
    wins: cards.wins, ...summary, today: cards.today, convener, canSeeReferralFlow: actor.permissions.has("referrals:flow"),
  };
}

export default function Home() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("home.title", { name: data.name })}</h1>
        {data.organization && data.coalition ? (
          <p className="muted">{t("home.subtitle", { organization: data.organization.name, coalition: data.coalition.name })}</p>
        ) : null}
      </header>
      {!data.organization ? <p className="alert">{t("home.noOrganization")}</p> : null}
      {data.organization ? <CardSlot result={data.today} title={t("home.today.heading")}>{(items) => <Today items={items} />}</CardSlot> : null}
      {data.organization && !data.coalition ? <p className="alert">{t("home.noCoalition")}</p> : null}
      {data.convener ? <CardSlot result={data.convener} title={t("aims.convener.heading")}>{(summary) => <ConvenerSummary summary={summary} />}</CardSlot> : null}
      <CardSlot result={data.dashboard} title={t("aims.celebrate.heading")}>{({ celebrations }) => <Celebrations celebrations={celebrations} />}</CardSlot>
      <div className="cards">
        {data.visionStatement ? (
          <section className="card card--wide" aria-labelledby="vision-title">
            <h2 id="vision-title">{t("home.vision")}</h2>
            <blockquote className="vision">{data.visionStatement}</blockquote>
          </section>
        ) : null}
        {!data.wins.ok ? <CardError title={t("aims.wins.heading")} /> : data.wins.data.length ? (
          <section className="card" aria-labelledby="wins-title">
            <h2 id="wins-title">{t("aims.wins.heading")}</h2>
            <ul className="wins">
              {data.wins.data.map((w) => (
                <li key={w.id}>
                  <h3>{w.title}</h3>
                  <p>{w.story}</p>
                  <p className="muted small">{w.organization.name}</p>
                </li>
              ))}
            </ul>
            <Link to="/aims">{t("aims.wins.post")}</Link>
          </section>
        ) : null}
        {data.organization ? (
          <section className="card" aria-labelledby="role-title">
            <h2 id="role-title">{t("home.yourRole")}</h2>
            <p>
              {t(`roles.${data.organization.role}`)} · {data.organization.name}
              {data.isConvener ? ` · ${t("roles.CONVENER")}` : ""}
            </p>
            <p className="muted">{t("home.peopleCount", { count: data.memberCount })}</p>
          </section>
        ) : null}
        <section className="card" aria-labelledby="start-title">
          <h2 id="start-title">{t("home.quickLinks")}</h2>
          <ul className="link-list">
            <li><Link to="/partners">{t("home.partnersCount", { count: data.partnerCount })}</Link></li>
            <li><Link to="/map">{t("nav.map")}</Link></li>
            <li><Link to="/referrals">{t("nav.referrals")}</Link></li>
            {data.canSeeReferralFlow ? <li><Link to="/referrals/flow">{t("referralFlow.home.link")}</Link></li> : null}
          </ul>
        </section>
      </div>
    </div>
  );
}
