import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { VignetteSections } from "~/components/conference/vignette-sections";
import { requireActor } from "~/modules/auth/guard.server";
import { conferenceIdOf } from "~/modules/conference/http.server";
import { cancelConference, getConference } from "~/modules/conference/scheduling.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { uuid } from "~/utils/form-fields";
import { CancelConference } from "~/components/conference/cancel-conference";
import { coalitionTimeZone } from "~/modules/conference/queries.server";
import { formatDate, formatDateTime } from "~/modules/conference/time";
import { CancelConferenceSchema, MESSAGE_MAX_LENGTH } from "~/modules/conference/schemas";
import { applyReplacements } from "~/modules/deid/types";
import type { WireFinding } from "~/realtime/events";
import { useConferenceRoom } from "~/components/conference/use-conference-room";
import { HighlightedText } from "~/components/conference/highlighted-text";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta<typeof loader>("titles.conference", ({ data }) => data?.conference.title);

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
    },
    cancelled: detail.cancelled ? { at: detail.cancelled.at.toISOString(), byName: detail.cancelled.byName } : null,
    host: detail.host,
    isHost: detail.isHost,
    canCancel: detail.isHost && !detail.cancelled && detail.conference.status !== "ENDED" && actor.permissions.has("conferences:host"),
    organizations: detail.organizations,
    vignettes: detail.vignettes.map((v) => ({
      id: v.id, title: v.title, situation: v.situation, strengths: v.strengths, needs: v.needs, tried: v.tried, question: v.question,
      sdohCategories: v.sdohCategories, authorName: v.authorName, shared: !!v.sharedAt, mine: v.authorId === actor.userId,
      withdrawnByName: v.sharedAt ? null : v.withdrawnByName,
    })),
    messages: detail.messages,
    nextSteps: detail.nextSteps,
    me: { name: actor.userName, organizationId: actor.organizationId },
    timeZone,
    justShared: new URL(request.url).searchParams.get("shared") === "1",
  };
}

/** The host cancels the conference (the form is behind a confirmation dialog). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "conferences:host");
  const conferenceId = uuid().safeParse(params.conferenceId);
  if (!conferenceId.success) throw new Response("Not found", { status: 404 });
  parseForm(await request.formData(), CancelConferenceSchema);
  await cancelConference({ actor, conferenceId: conferenceId.data });
  return {};
}

export default function ConferenceRoom() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const shared = data.vignettes.filter((v) => v.shared);
  const drafts = data.vignettes.filter((v) => !v.shared && v.mine);
  const room = useConferenceRoom({ conferenceId: data.conference.id, initialMessages: data.messages, initialSteps: data.nextSteps });
  const [selected, setSelected] = useState<string | null>(shared[0]?.id ?? null);
  const revalidator = useRevalidator();
  const ended = room.ended || data.conference.status === "ENDED";
  const typeLabel = (type: string) => t(`conference.types.${type}`, { defaultValue: type });

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
      {room.roomError ? <p className="alert alert--error" role="alert">{room.roomError}</p> : null}
      {actionData?.formError ? <p className="alert alert--error" role="alert">{actionData.formError}</p> : null}
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
                  </span>
                ))}
              </p>
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
                <h3 id="vignette-title">{current.title}</h3>
                <p className="muted small">{t("conference.room.by", { name: current.authorName })}</p>
                <VignetteSections vignette={current} />
                {!ended ? (
                  <ConfirmInPlace
                    action={() => room.withdraw(current.id)}
                    label={t("conference.room.withdraw")}
                    question={t("conference.room.withdrawQuestion")}
                    confirmLabel={t("conference.room.withdrawConfirm")}
                    pendingLabel={t("conference.room.withdrawing")}
                  />
                ) : null}
                {current.sdohCategories.length ? (
                  <p className="tags">{current.sdohCategories.map((c) => <span key={c} className="tag">{t(`conference.sdoh.${c}`, { defaultValue: c })}</span>)}</p>
                ) : null}
              </article>
            ) : null}
          </section>

          <section className="card" aria-labelledby="thread-title">
            <h2 id="thread-title">{threadName}</h2>
            <ol className="thread" aria-live="polite" aria-relevant="additions" data-testid="thread">
              {thread.length === 0 ? <li className="muted">{t("conference.room.noMessages")}</li> : null}
              {thread.map((m) => (
                <li key={m.seq} className={`message${m.organizationId === data.me.organizationId ? " message--ours" : ""}`}>
                  <p className="message-meta">
                    <strong>{m.authorName}</strong> · {m.organizationName} ·{" "}
                    <time dateTime={m.createdAt}>{new Intl.DateTimeFormat(i18n.language, { timeStyle: "short", timeZone: data.timeZone }).format(new Date(m.createdAt))}</time>
                  </p>
                  {m.hiddenAt ? (
                    <p className="message-body message-body--hidden">{t("conference.room.hiddenBy", { name: m.hiddenByName ?? "" })}</p>
                  ) : (
                    <>
                      <p className="message-body pre-line">{m.body}</p>
                      <HideMessage hide={() => room.hide(m.seq)} />
                    </>
                  )}
                </li>
              ))}
            </ol>
            {!ended ? (
              <>
                <p className="small muted" data-testid="posting-to">{t("conference.room.postingTo", { thread: threadName })}</p>
                <Composer send={(body) => room.send(body, current?.id ?? null)} disabled={room.state !== "live"} typeLabel={typeLabel} />
              </>
            ) : null}
          </section>
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

function ConnectionBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <p className={`connection connection--${state}`} role="status" aria-live="polite" data-testid="connection">
      <span className="presence-dot" aria-hidden="true" /> {t(`conference.connection.${state}`)}
    </p>
  );
}

function Composer({ send, disabled, typeLabel }: { send: (body: string) => Promise<{ ok: boolean; code?: string; error?: string; findings?: WireFinding[] }>; disabled: boolean; typeLabel: (t: string) => string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const [held, setHeld] = useState<{ text: string; findings: WireFinding[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const tooLong = body.length > MESSAGE_MAX_LENGTH;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const text = body.trim();
    if (!text || sending || tooLong) return;
    setSending(true);
    setError(null);
    const result = await send(text);
    setSending(false);
    if (result.ok) {
      setBody("");
      setHeld(null);
      ref.current?.focus();
    } else if (result.code === "identifiers" && result.findings) {
      setHeld({ text, findings: result.findings });
    } else {
      setError(t(`conference.errors.${result.code}`, { defaultValue: result.error ?? "" }));
    }
  }

  return (
    <form className="composer" onSubmit={submit} noValidate>
      {held ? (
        <div className="alert alert--error held" role="alert" data-testid="held">
          <p>{t("conference.room.held")}</p>
          <p className="finding-text"><HighlightedText text={held.text} findings={held.findings} typeLabel={typeLabel} /></p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setBody(applyReplacements(held.text, held.findings));
              setHeld(null);
              ref.current?.focus();
            }}
          >
            {t("conference.room.applyReplacements")}
          </button>
        </div>
      ) : null}
      {error ? <p className="alert alert--error" role="alert">{error}</p> : null}
      <label htmlFor="message-body" className="visually-hidden">{t("conference.room.message")}</label>
      <textarea
        id="message-body"
        ref={ref}
        rows={3}
        value={body}
        placeholder={t("conference.room.placeholder")}
        aria-describedby="message-hint"
        aria-invalid={tooLong || undefined}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <div className="composer-foot">
        <p id="message-hint" className={`small ${tooLong ? "field-error" : "muted"}`}>
          {tooLong ? t("conference.room.tooLong", { max: MESSAGE_MAX_LENGTH }) : t("conference.room.hint")}
        </p>
        <button type="submit" className="button button--primary" disabled={disabled || sending || tooLong || !body.trim()} aria-busy={sending || undefined}>
          {sending ? t("conference.room.sending") : t("conference.room.send")}
        </button>
      </div>
    </form>
  );
}

/** "Hide…" → a confirmation in place (hiding erases the text for everyone and cannot be undone). */
function HideMessage({ hide }: { hide: () => Promise<{ ok: boolean; error?: string; code?: string }> }) {
  const { t } = useTranslation();
  return <ConfirmInPlace action={hide} label={t("conference.room.hide")} question={t("conference.room.hideQuestion")} confirmLabel={t("conference.room.hideConfirm")} pendingLabel={t("conference.room.hiding")} />;
}

/** A small destructive action with its confirmation shown in place (focus moves to the confirm button). */
function ConfirmInPlace({ action, label, question, confirmLabel, pendingLabel }: { action: () => Promise<{ ok: boolean; error?: string; code?: string }>; label: string; question: string; confirmLabel: string; pendingLabel: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="link-button small message-hide" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="message-hide-confirm" role="group" aria-label={label}>
      <p className="small">{question}</p>
      {error ? <p className="field-error small" role="alert">{error}</p> : null}
      <button
        ref={confirmRef}
        type="button"
        className="button button--small button--danger"
        disabled={pending}
        aria-busy={pending || undefined}
        onClick={async () => {
          setPending(true);
          const result = await action();
          setPending(false);
          if (!result.ok) setError(t(`conference.errors.${result.code}`, { defaultValue: result.error ?? "" }));
        }}
      >
        {pending ? pendingLabel : confirmLabel}
      </button>{" "}
      <button type="button" className="button button--small" onClick={() => setAsking(false)}>
        {t("conference.room.cancel")}
      </button>
    </div>
  );
}

function NextStepForm({
  organizations,
  defaultOwner,
  vignetteId,
  addStep,
  disabled,
}: {
  organizations: { id: string; name: string }[];
  defaultOwner: { name: string; organizationId: string };
  vignetteId: string | null;
  addStep: (input: { what: string; ownerName: string; ownerOrganizationId: string; dueDate: string; vignetteId: string | null }) => Promise<{ ok: boolean; error?: string; code?: string }>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const defaultDue = useMemo(() => new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10), []);
  return (
    <form
      ref={formRef}
      className="step-form"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        const result = await addStep({
          what: String(form.get("what") ?? ""),
          ownerName: String(form.get("ownerName") ?? ""),
          ownerOrganizationId: String(form.get("ownerOrganizationId") ?? ""),
          dueDate: String(form.get("dueDate") ?? ""),
          vignetteId,
        });
        setPending(false);
        if (result.ok) {
          setError(null);
          formRef.current?.reset();
        } else setError(result.error ?? t("conference.errors.server"));
      }}
    >
      <h3>{t("conference.steps.add")}</h3>
      {error ? <p className="alert alert--error" role="alert">{error}</p> : null}
      <div className="field">
        <label htmlFor="step-what">{t("conference.steps.what")}</label>
        <input id="step-what" name="what" required />
      </div>
      <div className="field">
        <label htmlFor="step-owner">{t("conference.steps.owner")}</label>
        <input id="step-owner" name="ownerName" defaultValue={defaultOwner.name} required />
      </div>
      <div className="field">
        <label htmlFor="step-org">{t("conference.steps.organization")}</label>
        <select id="step-org" name="ownerOrganizationId" defaultValue={defaultOwner.organizationId}>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="step-due">{t("conference.steps.due")}</label>
        <input id="step-due" name="dueDate" type="date" defaultValue={defaultDue} required />
      </div>
      <button type="submit" className="button" disabled={disabled || pending} aria-busy={pending || undefined}>
        {pending ? t("conference.steps.adding") : t("conference.steps.submit")}
      </button>
    </form>
  );
}

function EndButton({ end }: { end: () => Promise<{ ok: boolean; error?: string }> }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => dialogRef.current?.showModal()}>
        {t("conference.room.end")}
      </button>
      {error ? <p className="alert alert--error" role="alert">{error}</p> : null}
      <dialog ref={dialogRef} className="dialog" aria-label={t("conference.room.endQuestion")}>
        <p>{t("conference.room.endQuestion")}</p>
        <div className="dialog-actions">
          <button type="button" className="button" autoFocus onClick={() => dialogRef.current?.close()}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={async () => {
              dialogRef.current?.close();
              const result = await end();
              if (!result.ok) setError(result.error ?? "");
            }}
          >
            {t("conference.room.endConfirm")}
          </button>
        </div>
      </dialog>
    </>
  );
}
