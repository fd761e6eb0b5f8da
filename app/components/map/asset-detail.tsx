import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { AssetDetail } from "~/modules/directory/queries.server";
import { domainOf } from "~/modules/sdoh/roll-up";
import { describeSchedule } from "./hours";

/** `referFrom`: the viewer's organization when it may send referrals (a partner's service gets a "Refer a client" link). */
export function AssetDetailPanel({ asset, onBack, referFrom = null }: { asset: AssetDetail; onBack: () => void; referFrom?: string | null }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [asset.id]);
  const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" }).format(new Date(iso)) : t("directory.detail.unknown"));
  const ages = asset.minimumAge != null || asset.maximumAge != null
    ? asset.minimumAge != null && asset.maximumAge != null
      ? t("directory.detail.agesBetween", { min: asset.minimumAge, max: asset.maximumAge })
      : asset.minimumAge != null ? t("directory.detail.agesFrom", { min: asset.minimumAge }) : t("directory.detail.agesUpTo", { max: asset.maximumAge })
    : t("directory.detail.allAges");
  return (
    <article className="asset-detail" aria-labelledby="asset-detail-title">
      <button type="button" className="link-button" onClick={onBack}>← {t("directory.detail.back")}</button>
      <h2 id="asset-detail-title" tabIndex={-1} ref={heading}>{asset.name}</h2>
      <p className="asset-detail__badges">
        <span className="badge">{t(`directory.kinds.${asset.kind}`)}</span>
        {asset.visibility === "COALITION" ? <span className="badge badge--coalition">{t("directory.visibility.COALITION")}</span> : null}
        <span className={`tag ${asset.openNow ? "tag--open" : "tag--closed"}`}>{asset.openNow ? t("directory.detail.openNow") : t("directory.detail.closedNow")}</span>
      </p>
      {asset.organization ? <p className="muted">{t("directory.detail.offeredBy", { name: asset.organization.name })}</p> : null}
      {asset.description ? <p>{asset.description}</p> : null}
      {referFrom && asset.kind === "SERVICE_LOCATION" && asset.organization && asset.organization.id !== referFrom ? (
        <p>
          <Link className="button button--primary button--small" to={`/referrals/new?${new URLSearchParams({ organizationId: asset.organization.id, ...(asset.serviceId ? { serviceId: asset.serviceId } : {}), assetId: asset.id }).toString()}`}>
            {t("referral.referFromMap")}
          </Link>
        </p>
      ) : null}
      <dl className="asset-detail__facts">
        <dt>{t("directory.detail.helpsWith")}</dt>
        <dd>
          <ul className="tag-list">
            {asset.sdoh.map((code) => {
              const domain = domainOf(code);
              return <li key={code} className="tag">{t(`directory.sdoh.${code}`)}{domain ? <span className="visually-hidden"> ({t(`directory.domains.${domain}`)})</span> : null}</li>;
            })}
          </ul>
        </dd>
        <dt>{t("directory.detail.forWhom")}</dt>
        <dd>
          {asset.eligibility ? <>{asset.eligibility}<br /></> : null}
          {ages}
        </dd>
        <dt>{t("directory.detail.languages")}</dt>
        <dd>{asset.languages.map((l) => t(`directory.languages.${l}`, { defaultValue: l })).join(", ")}</dd>
        <dt>{t("directory.detail.cost")}</dt>
        <dd>{asset.free ? t("directory.detail.free") : asset.fees ?? t("directory.detail.askCost")}</dd>
        <dt>{t("directory.detail.hours")}</dt>
        <dd>
          {asset.schedules.length ? (
            <ul className="plain-list">{asset.schedules.map((s, i) => <li key={i}>{describeSchedule(s, t)}</li>)}</ul>
          ) : t("directory.hours.byAppointment")}
          <span className="muted small"> {t("directory.detail.timeZone", { zone: asset.timeZone })}</span>
        </dd>
        {asset.capacity ? (
          <>
            <dt>{t("directory.detail.capacity")}</dt>
            <dd>
              <span className={`tag tag--capacity-${asset.capacity.status.toLowerCase()}`}>{t(`directory.capacity.${asset.capacity.status}`)}</span>{" "}
              {asset.capacity.available != null && asset.capacity.maximum != null ? t("directory.detail.capacityCount", { available: asset.capacity.available, maximum: asset.capacity.maximum, unit: asset.capacity.unit ?? "" }) : null}
              <br />
              <span className="muted small">{t("directory.detail.capacityUpdated", { date: date(asset.capacity.updatedAt) })}</span>
            </dd>
          </>
        ) : null}
        <dt>{t("directory.detail.contact")}</dt>
        <dd>
          {asset.address ? <>{asset.address}{asset.postalCode ? ` ${asset.postalCode}` : ""}<br /></> : null}
          {asset.phone ? <><a href={`tel:${asset.phone}`}>{asset.phone}</a><br /></> : null}
          {asset.email ? <><a href={`mailto:${asset.email}`}>{asset.email}</a><br /></> : null}
          {asset.url ? <a href={asset.url} rel="noreferrer" target="_blank">{t("directory.detail.website")}</a> : null}
          {!asset.address && !asset.phone && !asset.email && !asset.url ? t("directory.detail.unknown") : null}
        </dd>
        {asset.approximate ? (
          <>
            <dt>{t("directory.approximate.where")}</dt>
            <dd><span className="tag tag--approximate">{t("directory.approximate.label")}</span> <span className="muted small">{t("directory.approximate.hint")}</span></dd>
          </>
        ) : null}
        {asset.contacts.length ? (
          <>
            <dt>{t("directory.detail.contacts")}</dt>
            <dd>
              <ul className="plain-list">
                {asset.contacts.map((c) => (
                  <li key={c.id}>
                    {[c.name, c.title].filter(Boolean).join(", ")}
                    {c.phones.map((p) => <span key={p.number}> · <a href={`tel:${p.number}`}>{p.number}{p.extension ? ` ${t("directory.detail.extension", { extension: p.extension })}` : ""}</a></span>)}
                    {c.email ? <> · <a href={`mailto:${c.email}`}>{c.email}</a></> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {asset.requiredDocuments.length ? (<><dt>{t("directory.detail.requiredDocuments")}</dt><dd>{asset.requiredDocuments.join(", ")}</dd></>) : null}
        {asset.serviceAreas.length ? (<><dt>{t("directory.detail.serviceAreas")}</dt><dd>{asset.serviceAreas.join(", ")}</dd></>) : null}
        {asset.applicationProcess ? (<><dt>{t("directory.detail.howToApply")}</dt><dd>{asset.applicationProcess}</dd></>) : null}
        {asset.vouchedBy ? (
          <>
            <dt>{t("directory.detail.vouchedBy")}</dt>
            <dd>
              {asset.vouchedBy.organization ? t("directory.detail.vouchedByWho", { name: asset.vouchedBy.name, organization: asset.vouchedBy.organization }) : asset.vouchedBy.name}
              {asset.vouchedBy.note ? <><br /><q>{asset.vouchedBy.note}</q></> : null}
            </dd>
          </>
        ) : null}
        <dt>{t("directory.detail.lastConfirmed")}</dt>
        <dd>{date(asset.lastConfirmedAt)}</dd>
      </dl>
    </article>
  );
}
