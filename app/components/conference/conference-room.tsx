import { Link, useRevalidator, type useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { VIGNETTE_FIELDS } from "~/modules/conference/schemas";
import { formatDate, formatDateTime } from "~/modules/conference/time";
import type { loader } from "~/routes/_app.conferences.$conferenceId._index";
import { CancelConference } from "./cancel-conference";
import { ConfirmInPlace } from "./confirm-in-place";
import { ConnectionBadge } from "./connection-badge";
import { EndButton } from "./end-conference";
import { NextStepForm } from "./next-step-form";
import { MissedNotice } from "./missed-notice";
import { ReportMissed } from "./report-missed";
import { RoomThread } from "./room-thread";
import { useConferenceRoom } from "./use-conference-room";
import { VignetteSections } from "./vignette-sections";

/** What the room's route loads (a type-only import: no route code reaches this module). */
export type ConferenceRoomData = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * The live case-conference room (ADR 031): shared vignettes and their threads, presence, next steps.
 * The route loads `data`; everything live comes through `useConferenceRoom` (the typed event map).
 */
export function ConferenceRoom({ data, formError }: { data: ConferenceRoomData; formError?: string }) {
  const { t, i18n } = useTranslation();
  const shared = data.vignettes.filter((v) => v.shared);
  const drafts = data.vignettes.filter((v) => !v.shared && v.mine);
  const room = useConferenceRoom({ conferenceId: data.conference.id, initialMessages: data.messages, initialSteps: data.nextSteps });
  const [selected, setSelected] = useState<string | null>(shared[0]?.id ?? null);
  const revalidator = useRevalidator();
  const ended = room.ended || data.conference.status === "ENDED";

  // Someone else moved the discussion to another vignette: follow, and fetch it if it is new.
  useEffect(() => {
    if (room.focus === undefined) return;
    if (room.focus && !shared.some((v) => v.id === room.focus)) revalidator.revalidate();
    setSelected(room.focus);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [room.focus]);

  // Someone withdrew a shared vignette: leave its thread and reload (it is now its author's draft).
  useEffect(() => {
    if (!room.withdrawn) return;
    setSelected((s) => (s === room.withdrawn?.vignetteId ? null : s));
    revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [room.withdrawn]);

  // Someone shared a vignette while this room was open: list it now (no reload), and say so with a
  // way into its thread — nobody is moved to another thread without seeing it (#14).
  const [sharedNotice, setSharedNotice] = useState<{ vignetteId: string; title: string; authorName: string } | null>(null);
  useEffect(() => {
    if (!room.sharedByOther) return;
    setSharedNotice(room.sharedByOther);
    revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [room.sharedByOther]);
  const openThread = (vignetteId: string | null) => {
    setSelected(vignetteId);
    room.shareFocus(vignetteId);
  };

  const vignetteRef = useRef<HTMLDivElement>(null);
  const current = shared.find((v) => v.id === selected) ?? null;
  const threadName = current ? t("conference.room.threadFor", { title: current.title }) : t("conference.room.generalThread");
  const thread = room.messages.filter((m) => (m.vignetteId ?? null) === (current?.id ?? null));

  return (
    <div className="stack">
      <p><Link to="/conferences">← {t("conference.title")}</Link></p>
      <header className="page-header conference-header">
        <div>
          <h1>{data.conference.title}</h1>
          <p className="muted">
            {formatDateTime(data.conference.startsAt, i18n.language, data.timeZone)} · {t("conference.hostedBy", { host: data.host.name })}
          </p>
        </div>
        <ConnectionBadge state={ended ? "ended" : room.state} />
      </header>
      {data.justShared ? <p className="alert alert--success" role="status">{t("conference.room.shared")}</p> : null}
      {sharedNotice ? (
        <p className="alert" role="status">
          {t("conference.room.sharedBy", { name: sharedNotice.authorName, title: sharedNotice.title })}{" "}
          {shared.some((v) => v.id === sharedNotice.vignetteId) && selected !== sharedNotice.vignetteId ? (
            <button type="button" className="link-button" onClick={() => { openThread(sharedNotice.vignetteId); setSharedNotice(null); }}>
              {t("conference.room.openThread")}
            </button>
          ) : null}
        </p>
      ) : null}
      {room.missed ? <MissedNotice key={room.missed.n} missed={room.missed} myUserId={data.me.userId} /> : null}
      {room.roomError ? <p className="alert alert--error" role="alert">{room.roomError}</p> : null}
      {formError ? <p className="alert alert--error" role="alert">{formError}</p> : null}
      {data.cancelled ? (
        <p className="alert" role="status">
          {t("conference.room.cancelledNotice", { name: data.cancelled.byName, date: formatDateTime(data.cancelled.at, i18n.language, data.timeZone) })}
        </p>
      ) : ended ? (
        <p className="alert" role="status">
          {t("conference.room.endedNotice")} <Link to={`/conferences/${data.conference.id}/summary`}>{t("conference.room.openSummary")}</Link>
        </p>
      ) : null}
      {data.conference.agenda ? (
        <details className="card agenda">
          <summary>{t("conference.room.agenda")}</summary>
          <p className="pre-line">{data.conference.agenda}</p>
        </details>
      ) : null}

      <div className="conference-layout">
        <div className="conference-main stack">
          <section className="card" aria-labelledby="vignettes-title">
            <div className="section-head">
              <h2 id="vignettes-title">{t("conference.room.vignettes")}</h2>
              {!ended ? <Link className="button button--small" to={`/conferences/${data.conference.id}/vignette`}>{t("conference.room.writeVignette")}</Link> : null}
            </div>
            {drafts.length ? (
              <p className="muted small">
                {t("conference.room.yourDrafts")}{" "}
                {drafts.map((d, i) => (
                  <span key={d.id}>
                    {i ? ", " : ""}
                    <Link to={`/conferences/${data.conference.id}/vignette?id=${d.id}`}>{d.title}</Link>
                    {d.withdrawnByName ? ` (${t("conference.room.withdrawnBy", { name: d.withdrawnByName })})` : ""}
                    {d.waitingForSecondReader ? ` (${t("conference.secondReader.waitingLabel")})` : ""}
                  </span>
                ))}
              </p>
            ) : null}
            {data.awaiting.length ? (
              <div className="alert" role="status" data-testid="awaiting-second-reader">
                <p>{t("conference.secondReader.awaitingTitle")}</p>
                <ul>
                  {data.awaiting.map((v) => (
                    <li key={v.id}>
                      {v.title} <span className="muted small">{t("conference.secondReader.awaitingBy", { name: v.authorName })}</span> ·{" "}
                      <Link to={`/conferences/${data.conference.id}/review?id=${v.id}`}>{t("conference.secondReader.read")}<span className="visually-hidden"> {v.title}</span></Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {shared.length === 0 ? (
              <p className="muted">{t("conference.room.noVignettes")}</p>
            ) : (
              <div className="vignette-tabs" role="group" aria-label={t("conference.room.chooseVignette")}>
                <button type="button" className={`button button--small${selected === null ? " is-current" : ""}`} aria-pressed={selected === null} onClick={() => openThread(null)}>
                  {t("conference.room.general")}
                </button>
                {shared.map((v) => (
                  <button key={v.id} type="button" className={`button button--small${selected === v.id ? " is-current" : ""}`} aria-pressed={selected === v.id} onClick={() => openThread(v.id)}>
                    {v.title}
                  </button>
                ))}
              </div>
            )}
            {current ? (
              <article className="vignette" aria-labelledby="vignette-title">
                <div ref={vignetteRef}>
                  <h3 id="vignette-title">{current.title}</h3>
                  <p className="muted small">{t("conference.room.by", { name: current.authorName })}</p>
                  <VignetteSections vignette={current} />
                </div>
                {!ended ? (
                  <div className="message-actions">
                    <ConfirmInPlace
                      action={() => room.withdraw(current.id)}
                      label={t("conference.room.withdraw")}
                      question={t("conference.room.withdrawQuestion")}
                      confirmLabel={t("conference.room.withdrawConfirm")}
                      pendingLabel={t("conference.room.withdrawing")}
                    />
                    <ReportMissed
                      key={current.id}
                      what="vignette"
                      scope={vignetteRef}
                      texts={VIGNETTE_FIELDS.filter((f) => current[f]).map((f) => ({ key: f, label: t(`conference.vignette.fields.${f}`), text: current[f] }))}
                      report={({ key, start, end, type }) => room.report({ target: { kind: "vignette", vignetteId: current.id, field: key }, start, end, type })}
                    />
                  </div>
                ) : null}
                {current.sdohCategories.length ? (
                  <p className="tags">{current.sdohCategories.map((c) => <span key={c} className="tag">{t(`conference.sdoh.${c}`, { defaultValue: c })}</span>)}</p>
                ) : null}
              </article>
            ) : null}
          </section>

          <RoomThread
            title={threadName}
            messages={thread}
            myOrganizationId={data.me.organizationId}
            timeZone={data.timeZone}
            ended={ended}
            live={room.state === "live"}
            hide={room.hide}
            report={(seq, span) => room.report({ target: { kind: "message", seq }, ...span })}
            send={(text) => room.send(text, current?.id ?? null)}
          />
        </div>

        <aside className="conference-side stack">
          <section className="card" aria-labelledby="presence-title">
            <h2 id="presence-title">{t("conference.room.present", { count: room.participants.length })}</h2>
            {room.participants.length === 0 ? <p className="muted">{t("conference.room.nobody")}</p> : null}
            <ul className="presence" data-testid="presence">
              {room.participants.map((p) => (
                <li key={`${p.userId}:${p.organizationId}`}>
                  <span className="presence-dot" aria-hidden="true" /> {p.userName} <span className="muted small">· {p.organizationName}</span>
                </li>
              ))}
            </ul>
          </section>

          <section className="card" aria-labelledby="steps-title">
            <h2 id="steps-title">{t("conference.steps.title")}</h2>
            {room.steps.length === 0 ? <p className="muted">{t("conference.steps.none")}</p> : null}
            <ul className="steps" data-testid="steps">
              {room.steps.map((s) => (
                <li key={s.id}>
                  <strong>{s.what}</strong>
                  <br />
                  <span className="muted small">{t("conference.steps.ownerLine", { owner: s.ownerName, organization: s.ownerOrganizationName, date: formatDate(s.dueDate, i18n.language) })}</span>
                </li>
              ))}
            </ul>
            {!ended ? <NextStepForm organizations={data.organizations} defaultOwner={data.me} vignetteId={current?.id ?? null} addStep={room.addStep} disabled={room.state !== "live"} /> : null}
          </section>

          <section className="card" aria-labelledby="actions-title">
            <h2 id="actions-title">{t("conference.room.after")}</h2>
            <p><Link to={`/conferences/${data.conference.id}/summary`}>{t("conference.room.openSummary")}</Link></p>
            {data.isHost && !ended ? <EndButton end={room.end} /> : null}
            {data.canCancel && !ended ? <CancelConference /> : null}
          </section>
        </aside>
      </div>
    </div>
  );
}
