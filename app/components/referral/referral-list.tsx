/**
 * The inbox and the outbox: counts by status, filters in the query string (a plain GET form, so
 * a filtered list can be bookmarked and works without JavaScript), overdue flags, pages.
 * Each row says who the client is: the outbox names the sender's own clients, the inbox names a
 * client only as far as the client's authorization lets the receiving organization see (the
 * server decides; withheld details are said so, not left blank), and who sent it.
 */
import { Form, Link, NavLink, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { REFERRAL_STATUSES, type ReferralStatus } from "~/modules/referral/state-machine";
import { useReferralLive } from "./use-referral-live";
import { NeedTags, OverdueFlag, PriorityTag, StatusBadge, formatDate, type OverdueView } from "./labels";
import { IntakeList, type IntakeListData } from "~/components/pathway/intake-list";

export type ReferralListData = {
  counts: Record<ReferralStatus, number>;
  overdueCount: number;
  total: number;
  page: number;
  pageCount: number;
  partners: { id: string; name: string }[];
  rows: {
    id: string;
    status: ReferralStatus;
    priority: string;
    sdohCodes: string[];
    partner: { id: string; name: string };
    serviceName: string | null;
    clientName: string | null;
    clientAccess: "own" | "consented" | "not-shared" | "withheld";
    senderName: string | null;
    sentAt: Date | string | null;
    overdue: OverdueView;
  }[];
};

export function ReferralTabs({ canReceive, canSend }: { canReceive: boolean; canSend: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="directory-tabs" aria-label={t("referral.tabs.label")}>
      <ul>
        {canReceive ? <li><NavLink to="/referrals" end>{t("referral.tabs.inbox")}</NavLink></li> : null}
        {canSend ? <li><NavLink to="/referrals/sent">{t("referral.tabs.outbox")}</NavLink></li> : null}
      </ul>
    </nav>
  );
}

/** Status counts shown as filter links, in the order a referral moves. */
const COUNT_ORDER: ReferralStatus[] = ["REQUESTED", "ACCEPTED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "REJECTED", "FAILED", "CANCELLED", "ENTERED_IN_ERROR", "DRAFT"];

export function ReferralList({ box, data }: { box: "inbox" | "outbox"; data: ReferralListData }) {
  const { t, i18n } = useTranslation();
  const [search] = useSearchParams();
  const base = box === "inbox" ? "/referrals" : "/referrals/sent";
  const status = search.get("status") ?? "";
  const partner = search.get("partner") ?? "";
  const overdue = search.get("overdue") === "1";
  const filtered = !!(status || partner || overdue);
  const all = Object.values(data.counts).reduce((a, b) => a + b, 0);
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    next.delete("page");
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const q = next.toString();
    return q ? `${base}?${q}` : base;
  };

  if (all === 0) {
    return (
      <div className="empty-state">
        <h2>{t(`referral.list.${box}.emptyTitle`)}</h2>
        <p>{t(`referral.list.${box}.emptyBody`)}</p>
        {box === "outbox" ? (
          <p><Link to="/clients" className="button button--primary">{t("referral.list.outbox.emptyAction")}</Link></p>
        ) : (
          <p><Link to="/map" className="button">{t("referral.list.inbox.emptyAction")}</Link></p>
        )}
      </div>
    );
  }

  return (
    <div className="stack">
      <ul className="status-counts" aria-label={t("referral.list.countsLabel")}>
        <li>
          <Link to={withParams({ status: null, overdue: null })} aria-current={!status && !overdue ? "true" : undefined}>
            {t("referral.list.all")} <span className="count">{all}</span>
          </Link>
        </li>
        {COUNT_ORDER.filter((s) => data.counts[s] > 0).map((s) => (
          <li key={s}>
            <Link to={withParams({ status: s, overdue: null })} aria-current={status === s ? "true" : undefined}>
              {t(`referral.status.${s}`)} <span className="count">{data.counts[s]}</span>
            </Link>
          </li>
        ))}
        {data.overdueCount > 0 ? (
          <li className="status-counts__overdue">
            <Link to={withParams({ overdue: "1", status: null })} aria-current={overdue ? "true" : undefined}>
              {t("referral.list.overdue")} <span className="count">{data.overdueCount}</span>
            </Link>
          </li>
        ) : null}
      </ul>

      <Form method="get" action={base} className="referral-filters" aria-label={t("referral.list.filtersLabel")}>
        <div className="field">
          <label htmlFor={`${box}-status`}>{t("referral.list.status")}</label>
          <select id={`${box}-status`} name="status" defaultValue={status} key={`s-${status}`}>
            <option value="">{t("referral.list.anyStatus")}</option>
            {REFERRAL_STATUSES.filter((s) => s !== "DRAFT" || box === "outbox").map((s) => (
              <option key={s} value={s}>{t(`referral.status.${s}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${box}-partner`}>{t(`referral.list.${box}.partner`)}</label>
          <select id={`${box}-partner`} name="partner" defaultValue={partner} key={`p-${partner}`}>
            <option value="">{t("referral.list.anyPartner")}</option>
            {data.partners.map((p) => (
              <option key={p.id} value={p.id}>{p.name}</option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" name="overdue" value="1" defaultChecked={overdue} key={`o-${overdue}`} /> {t("referral.list.overdueOnly")}
        </label>
        <div className="referral-filters__actions">
          <button type="submit" className="button">{t("referral.list.filter")}</button>
          {filtered ? <Link to={base}>{t("referral.list.clear")}</Link> : null}
        </div>
      </Form>

      {data.rows.length === 0 ? (
        <div className="empty-state empty-state--small">
          <p>{t("referral.list.noMatch")}</p>
          <p><Link to={base}>{t("referral.list.clear")}</Link></p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table referral-table">
            <caption className="visually-hidden">{t(`referral.list.${box}.caption`, { count: data.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`referral.list.${box}.date`)}</th>
                <th scope="col">{t(`referral.list.${box}.partner`)}</th>
                <th scope="col">{t("referral.list.client")}</th>
                <th scope="col">{t("referral.list.needs")}</th>
                <th scope="col">{t("referral.list.priority")}</th>
                <th scope="col">{t("referral.list.status")}</th>
                <th scope="col"><span className="visually-hidden">{t("referral.list.open")}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id} className={r.overdue ? "row--overdue" : undefined}>
                  <td>{formatDate(r.sentAt, i18n.language)}</td>
                  <td>
                    {r.partner.name}
                    {r.senderName ? <div className="muted small">{t("referral.list.sentBy", { name: r.senderName })}</div> : null}
                    {r.serviceName ? <div className="muted small">{r.serviceName}</div> : null}
                  </td>
                  <td>{r.clientName ?? <span className="muted">{t(r.clientAccess === "not-shared" ? "referral.list.clientNotShared" : "referral.list.clientWithheld")}</span>}</td>
                  <td><NeedTags codes={r.sdohCodes} /></td>
                  <td><PriorityTag priority={r.priority} /></td>
                  <td>
                    <StatusBadge status={r.status} />
                    {r.overdue ? <div><OverdueFlag overdue={r.overdue} /></div> : null}
                  </td>
                  <td>
                    <Link to={`/referrals/${r.id}`}>
                      {t("referral.list.open")}
                      <span className="visually-hidden"> {t("referral.list.openWhich", { partner: r.partner.name, date: formatDate(r.sentAt, i18n.language) })}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {data.pageCount > 1 ? (
        <nav className="pager" aria-label={t("referral.list.pages")}>
          {data.page > 1 ? <Link to={withPage(search, base, data.page - 1)}>← {t("referral.list.previous")}</Link> : <span />}
          <span>{t("referral.list.pageOf", { page: data.page, pages: data.pageCount })}</span>
          {data.page < data.pageCount ? <Link to={withPage(search, base, data.page + 1)}>{t("referral.list.next")} →</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}

function withPage(search: URLSearchParams, base: string, page: number) {
  const next = new URLSearchParams(search);
  next.set("page", String(page));
  return `${base}?${next.toString()}`;
}

/** The inbox or outbox page: header, tabs and list, kept live by the referral socket events. */
export function ReferralListPage({ box, list, intake, organization, canSend, canReceive }: { box: "inbox" | "outbox"; list: ReferralListData; intake?: IntakeListData | null; organization: string; canSend: boolean; canReceive: boolean }) {
  const { t } = useTranslation();
  useReferralLive();
  return (
    <div className="stack">
      <header className="page-header page-header--actions referral-page-header">
        <div>
          <h1>{t("referral.title")}</h1>
          <p className="muted">{t(`referral.list.${box}.intro`, { organization })}</p>
        </div>
        {canSend ? <Link to="/referrals/new" className="button button--primary">{t("referral.list.newReferral")}</Link> : null}
      </header>
      <ReferralTabs canReceive={canReceive} canSend={canSend} />
      <h2 className="visually-hidden">{t(`referral.tabs.${box}`)}</h2>
      {intake ? <IntakeList data={intake} /> : null}
      <ReferralList box={box} data={list} />
    </div>
  );
}
