/**
 * The client's written copy of their care plan and a graduation's closing summary (issue #15,
 * ADR 098), laid out to print (the page's print CSS hides everything else). Both take the
 * translator of the client's language, so the paper is in the client's language whatever the
 * care manager's screen is in; pure components (no hooks), so a test can render them on the server.
 */
import type { Translate } from "~/utils/translatable";
import type { WrittenCopy } from "~/modules/care/written-copy.server";
import type { GraduationRecord } from "~/modules/care/graduation.server";
import { formatBirthDate } from "~/components/consent/format";
import { reachLines } from "./peer-support";

export function WrittenCopyDocument({ copy, t, printedOn }: { copy: WrittenCopy; t: Translate; printedOn: string }) {
  const day = (d: string) => formatBirthDate(d, copy.language);
  const who = (s: WrittenCopy["goals"][number]["steps"][number]) => t(`careGraduation.copy.owners.${s.owner}`, { partner: s.partnerName ?? "" });
  return (
    <article className="card printable written-copy" lang={copy.language} aria-labelledby="copy-title">
      <h1 id="copy-title">{t("careGraduation.copy.title")}</h1>
      <p className="written-copy__for">{t("careGraduation.copy.for", { name: copy.client.name })}</p>
      <p>{t("careGraduation.copy.intro")}</p>
      {copy.enrollmentStatus === "GRADUATED" ? <p className="written-copy__note">{t("careGraduation.copy.graduated")}</p> : null}

      <section aria-labelledby="copy-manager">
        <h2 id="copy-manager">{t("careGraduation.copy.careManager")}</h2>
        {copy.careManager ? (
          <>
            <p className="written-copy__name">{copy.careManager.name}</p>
            <p>{t("careGraduation.copy.organization", { organization: copy.organization.name })}</p>
            <h3>{t("careGraduation.copy.reach")}</h3>
            <ul className="plain-list">
              {copy.organization.phone ? <li>{t("careGraduation.copy.phone", { phone: copy.organization.phone })}</li> : null}
              <li>{t("careGraduation.copy.email", { email: copy.careManager.email })}</li>
            </ul>
          </>
        ) : (
          <p>{t("careGraduation.copy.noCareManager")}</p>
        )}
      </section>

      <section aria-labelledby="copy-goals">
        <h2 id="copy-goals">{t("careGraduation.copy.goals")}</h2>
        {copy.goals.length === 0 ? <p>{t("careGraduation.copy.noGoals")}</p> : (
          <ol className="written-copy__goals">
            {copy.goals.map((g, i) => (
              <li key={g.id}>
                <h3>{t("careGraduation.copy.goalNumber", { number: i + 1 })}</h3>
                <p className="written-copy__goal user-text">{g.text}</p>
                <h4>{t("careGraduation.copy.nextSteps")}</h4>
                {g.steps.length === 0 ? <p className="small">{t("careGraduation.copy.noSteps")}</p> : (
                  <ul className="written-copy__steps">
                    {g.steps.map((s) => (
                      <li key={s.id}>
                        <span className="user-text">{s.text}</span>
                        <br />
                        <span className="small">{t("careGraduation.copy.by", { who: who(s), date: day(s.dueOn) })}</span>
                        {s.peerGroup ? (
                          <span className="written-copy__group">
                            <br />
                            <strong>{t("careLive.copy.group", { name: s.peerGroup.name })}</strong>
                            {reachLines(s.peerGroup, t).length ? <><br />{t("careLive.copy.reach")} {reachLines(s.peerGroup, t).join(" · ")}</> : null}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {copy.achieved.length ? (
        <section aria-labelledby="copy-achieved">
          <h2 id="copy-achieved">{t("careGraduation.copy.achieved")}</h2>
          <ul>
            {copy.achieved.map((g) => <li key={g.id} className="user-text">{g.text}</li>)}
          </ul>
        </section>
      ) : null}

      <p>{copy.lastReviewedOn ? t("careGraduation.copy.lastReviewed", { date: day(copy.lastReviewedOn) }) : t("careGraduation.copy.neverReviewed")}</p>
      <p className="small muted">{t("careGraduation.copy.printedOn", { date: day(printedOn) })}</p>
    </article>
  );
}

export function GraduationSummaryDocument({ summary, t, language }: {
  summary: { client: { name: string }; organization: { name: string; phone: string | null }; graduation: GraduationRecord };
  t: Translate;
  language: string;
}) {
  const g = summary.graduation;
  return (
    <article className="card printable written-copy" lang={language} aria-labelledby="summary-title">
      <h1 id="summary-title">{t("careGraduation.summary.title")}</h1>
      <p className="written-copy__for">{t("careGraduation.summary.for", { name: summary.client.name })}</p>
      <p>{t("careGraduation.summary.graduatedOn", { date: formatBirthDate(g.graduatedOn, language) })}</p>
      <h2>{t("careGraduation.summary.goalsAchieved")}</h2>
      <p className="pre-line user-text">{g.goalsAchieved}</p>
      <h2>{t("careGraduation.summary.whatContinues")}</h2>
      <p className="pre-line user-text">{g.whatContinues}</p>
      <h2>{t("careGraduation.summary.whoToCall")}</h2>
      <p className="pre-line user-text">{g.whoToCall}</p>
      <p>
        {t("careGraduation.summary.from", { organization: summary.organization.name })}
        {summary.organization.phone ? <><br />{t("careGraduation.summary.phone", { phone: summary.organization.phone })}</> : null}
      </p>
      {g.practice && g.referralId ? <p className="small">{t("careGraduation.summary.sentTo", { practice: g.practice.name })}</p> : null}
    </article>
  );
}
