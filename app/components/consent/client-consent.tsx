import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ConsentCategory } from "~/modules/consent/categories";
import { RevokeDialog } from "./revoke-dialog";
import { formatDay, lastDay } from "./format";

type Authorization = {
  id: string;
  form: "GENERAL" | "PART2";
  categories: ConsentCategory[];
  purpose: string;
  effectiveAt: string | Date;
  expiresAt: string | Date | null;
  expirationEvent: string | null;
  signedAt: string | Date;
  revokedAt: string | Date | null;
  revocationReceivedVia: string | null;
  revocationReceivedOn: string | Date | null;
  status: "active" | "revoked" | "expired" | "pending";
  recipients: { id: string; name: string }[];
};

type Today = { organization: { id: string; name: string }; grants: { category: ConsentCategory; authorizationId: string }[]; refusals: { category: ConsentCategory; reason: string }[] }[];

/** Who can see what about this client today, and why: the decision function's answer per organization. */
export function WhoCanSeeToday({ organization, today, authorizations }: { organization: string; today: Today; authorizations: Authorization[] }) {
  const { t, i18n } = useTranslation();
  const signed = new Map(authorizations.map((a) => [a.id, formatDay(a.signedAt, i18n.language)]));
  const seeing = today.filter((o) => o.grants.length > 0);
  return (
    <section className="card" aria-labelledby="today-title" data-testid="who-can-see">
      <h2 id="today-title">{t("consent.today.title")}</h2>
      <p className="muted small">{t("consent.today.intro")}</p>
      <ul className="access-list">
        <li>
          <strong>{t("consent.today.own", { organization })}</strong>
          <p className="small">{t("consent.today.ownAll")}</p>
        </li>
        {seeing.map((o) => {
          const byAuthorization = new Map<string, ConsentCategory[]>();
          for (const g of o.grants) byAuthorization.set(g.authorizationId, [...(byAuthorization.get(g.authorizationId) ?? []), g.category]);
          return (
            <li key={o.organization.id}>
              <strong>{o.organization.name}</strong>
              {[...byAuthorization.entries()].map(([authorizationId, categories]) => (
                <p key={authorizationId} className="small">
                  {categories.map((c) => t(`consent.categories.${c}`)).join("; ")} — {t("consent.today.under", { date: signed.get(authorizationId) ?? "" })}
                </p>
              ))}
              {o.refusals.length ? (
                <p className="small muted">{t("consent.today.withheld", { reasons: o.refusals.map((r) => `${t(`consent.categories.${r.category}`)} (${t(`consent.today.reasons.${r.reason as "revoked"}`)})`).join("; ") })}</p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {seeing.length === 0 ? <p data-testid="nobody-else">{t("consent.today.nobody")}</p> : null}
    </section>
  );
}

export function AuthorizationList({ clientId, authorizations, canWrite }: { clientId: string; authorizations: Authorization[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="authorizations-title">
      <div className="section-header">
        <h2 id="authorizations-title">{t("consent.detail.authorizations")}</h2>
        {canWrite ? <Link to={`/clients/${clientId}/authorize`} className="button button--primary">{t("consent.detail.newAuthorization")}</Link> : null}
      </div>
      {authorizations.length === 0 ? (
        <p className="muted">{t("consent.detail.noAuthorizations")}</p>
      ) : (
        <ul className="authorization-list">
          {authorizations.map((a) => {
            const from = formatDay(a.effectiveAt, i18n.language);
            const period = a.expiresAt ? t("consent.detail.periodUntil", { from, to: lastDay(a.expiresAt, i18n.language) }) : t("consent.detail.periodEvent", { from, event: a.expirationEvent ?? "" });
            const label = `${t(`consent.forms.${a.form}`)} ${formatDay(a.signedAt, i18n.language)}`;
            return (
              <li key={a.id} className={`authorization authorization--${a.status}`}>
                <div className="authorization__head">
                  <h3>{label}</h3>
                  <span className={`status status--${a.status}`}>{t(`consent.detail.status.${a.status}`)}</span>
                </div>
                <dl className="facts facts--compact">
                  <div><dt>{t("consent.detail.covers")}</dt><dd>{a.categories.map((c) => t(`consent.categories.${c}`)).join("; ")}</dd></div>
                  <div><dt>{t("consent.detail.recipients")}</dt><dd>{a.recipients.map((r) => r.name).join(", ")}</dd></div>
                  <div><dt>{t("consent.detail.purpose")}</dt><dd>{a.purpose}</dd></div>
                  <div><dt>{t("consent.detail.period")}</dt><dd>{period}</dd></div>
                  {a.revokedAt ? (
                    <div><dt>{t("consent.detail.status.revoked")}</dt><dd>{t("consent.detail.revokedOn", { date: formatDay(a.revokedAt, i18n.language), received: formatDay(a.revocationReceivedOn ?? a.revokedAt, i18n.language), channel: a.revocationReceivedVia ? t(`consent.channels.${a.revocationReceivedVia as "MAIL"}`) : "" })}</dd></div>
                  ) : null}
                </dl>
                <div className="authorization__actions">
                  <Link to={`/clients/${clientId}/authorizations/${a.id}`} className="button button--small">
                    {t("consent.detail.printCopy")}<span className="visually-hidden"> {label}</span>
                  </Link>
                  {canWrite && !a.revokedAt ? <RevokeDialog authorizationId={a.id} label={label} /> : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
