/** A published pathway as the public reads it (the pathway page and the referral form behind a link): no client data exists here. */
import { useTranslation } from "react-i18next";
import type { SerializeFrom } from "@remix-run/node";
import type { PublicPathway } from "~/modules/pathway/service.server";
import { PublicShell } from "~/components/shell/public-shell";
import type { ReactNode } from "react";

/** The public frame (components/shell/public-shell.tsx) with the pathway's own spacing. */
export function PathwayShell({ children }: { children: ReactNode }) {
  return <PublicShell className="public-pathway">{children}</PublicShell>;
}

export function PathwayDetails({ pathway, headingLevel = 2 }: { pathway: SerializeFrom<PublicPathway>; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const es = i18n.language === "es";
  const H = `h${headingLevel}` as "h2" | "h3";
  const s = pathway.service;
  const list = new Intl.ListFormat(i18n.language, { style: "long", type: "conjunction" });
  const language = new Intl.DisplayNames([i18n.language], { type: "language" });
  const criteria = [
    s.minimumAge !== null && s.maximumAge !== null ? t("pathways.public.ages", { min: s.minimumAge, max: s.maximumAge }) : s.minimumAge !== null ? t("pathways.public.ageMin", { min: s.minimumAge }) : s.maximumAge !== null ? t("pathways.public.ageMax", { max: s.maximumAge }) : null,
    s.languages.length ? t("pathways.public.languages", { languages: list.format(s.languages.map((l) => language.of(l) ?? l)) }) : null,
    s.serviceAreas.length ? t("pathways.public.areas", { areas: list.format(s.serviceAreas) }) : null,
    s.sdohCodes.length ? t("pathways.public.needs", { needs: list.format(s.sdohCodes.map((c) => t(`directory.sdoh.${c}`))) }) : null,
    s.requiredDocuments.length ? t("pathways.public.documents", { documents: list.format(s.requiredDocuments) }) : null,
  ].filter((c): c is string => !!c);
  return (
    <div className="stack">
      <section>
        <H>{t("pathways.public.forWhom")}</H>
        <p>{es ? pathway.forWhomEs : pathway.forWhomEn}</p>
        {criteria.length ? (
          <>
            <p className="muted">{t("pathways.public.criteria")}</p>
            <ul>{criteria.map((c) => <li key={c}>{c}</li>)}</ul>
          </>
        ) : null}
      </section>
      <section>
        <H>{t("pathways.public.notFor")}</H>
        <p>{es ? pathway.notForEs : pathway.notForEn}</p>
      </section>
      <section>
        <H>{t("pathways.public.whatToSend")}</H>
        <p>{es ? pathway.whatToSendEs : pathway.whatToSendEn}</p>
      </section>
      <section>
        <H>{t("pathways.public.answer")}</H>
        <p>{t("pathways.public.answerDays", { count: pathway.responseDays })}</p>
      </section>
      <section>
        <H>{t("pathways.public.contact")}</H>
        <p>
          {pathway.contactName}
          {pathway.contactPhone ? <> · <a href={`tel:${pathway.contactPhone.replace(/[^0-9+]/g, "")}`}>{pathway.contactPhone}</a></> : null}
          {pathway.contactEmail ? <> · <a href={`mailto:${pathway.contactEmail}`}>{pathway.contactEmail}</a></> : null}
        </p>
      </section>
    </div>
  );
}
