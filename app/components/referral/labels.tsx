/** Small pieces every referral screen shares: status, priority, needs, overdue flags, fit warnings. */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { domainOf, isGravityCode } from "~/modules/sdoh/roll-up";
import type { FitWarning } from "~/modules/referral/fit";
import type { ReferralStatus } from "~/modules/referral/state-machine";

export function StatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return <span className={`referral-status referral-status--${status.toLowerCase()}`}>{t(`referral.status.${status}`)}</span>;
}

export function PriorityTag({ priority }: { priority: string }) {
  const { t } = useTranslation();
  if (priority === "ROUTINE") return <span className="muted small">{t("referral.priority.ROUTINE")}</span>;
  return <span className="tag tag--priority">{t(`referral.priority.${priority as "URGENT"}`)}</span>;
}

export function needLabel(t: TFunction, code: string) {
  return isGravityCode(code) ? t(`directory.sdoh.${code}`) : code;
}

export function NeedTags({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="tag-list">
      {codes.map((code) => {
        const domain = isGravityCode(code) ? domainOf(code) : null;
        return (
          <li key={code} className="tag">
            {needLabel(t, code)}
            {domain ? <span className="visually-hidden"> ({t(`directory.domains.${domain}`)})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

export type OverdueView = { kind: "response" | "update"; days: number } | null;

export function OverdueFlag({ overdue }: { overdue: OverdueView }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return (
    <span className="badge badge--overdue">
      {overdue.kind === "response" ? t("referral.overdue.response", { count: overdue.days }) : t("referral.overdue.update", { count: overdue.days })}
    </span>
  );
}

/** A fit warning in plain words. */
export function fitWarningText(t: TFunction, w: FitWarning, language: string): string {
  const list = (items: string[]) => new Intl.ListFormat(language, { type: "conjunction" }).format(items);
  switch (w.code) {
    case "service-not-active":
      return t("referral.fit.serviceNotActive");
    case "no-capacity":
      return t("referral.fit.noCapacity");
    case "waitlist":
      return t("referral.fit.waitlist");
    case "assessment-required":
      return t("referral.fit.assessmentRequired");
    case "capacity-unknown":
      return t("referral.fit.capacityUnknown");
    case "capacity-stale":
      return t("referral.fit.capacityStale", { count: w.days });
    case "too-young":
      return t("referral.fit.tooYoung", { age: w.age, minimumAge: w.minimumAge });
    case "too-old":
      return t("referral.fit.tooOld", { age: w.age, maximumAge: w.maximumAge });
    case "language":
      return t("referral.fit.language", {
        clientLanguage: t(`directory.languages.${w.clientLanguage}`, { defaultValue: w.clientLanguage }),
        serviceLanguages: list(w.serviceLanguages.map((l) => t(`directory.languages.${l}`, { defaultValue: l }))),
      });
    case "area":
      return t("referral.fit.area", { areas: list(w.serviceAreas) });
    case "need-not-listed":
      return t("referral.fit.needNotListed", { needs: list(w.needs.map((n) => needLabel(t, n))) });
    case "documents":
      return t("referral.fit.documents", { documents: list(w.documents) });
    case "fees":
      return t("referral.fit.fees", { fees: w.fees });
  }
}

export function FitWarnings({ warnings, emptyText }: { warnings: FitWarning[]; emptyText?: string }) {
  const { t, i18n } = useTranslation();
  if (!warnings.length) return emptyText ? <p className="muted">{emptyText}</p> : null;
  return (
    <ul className="fit-warnings">
      {warnings.map((w, i) => (
        <li key={`${w.code}-${i}`}>{fitWarningText(t, w, i18n.language)}</li>
      ))}
    </ul>
  );
}

export function formatDate(iso: string | Date | null, language: string, withTime = false) {
  if (!iso) return "";
  return new Intl.DateTimeFormat(language, withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" }).format(new Date(iso));
}
