/**
 * The buttons for the moves the state machine allows this side now, one form per move. Each form
 * names the version it saw: if someone else changed the referral meanwhile, the server refuses
 * (409) and the form says so, with a link to reload. Moves that need a reason or an outcome, and
 * every move that closes the referral, open a dialog first (the confirmation step).
 */
import { useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CommentReferralSchema, TransitionReferralSchema } from "~/modules/referral/schemas";
import { CODED_REASON, EXPLANATION_REQUIRED_FOR, REFERRAL_OUTCOMES, REFERRAL_REASONS, type ReferralReason, type ReferralStatus } from "~/modules/referral/state-machine";
import { useSchemaForm } from "~/components/ui/schema-form";

export type ActionResult = { ok?: boolean; formError?: string; fieldErrors?: Record<string, string[] | undefined>; intent?: string; to?: string; conflict?: boolean };

const SIMPLE: readonly ReferralStatus[] = ["ACCEPTED", "IN_PROGRESS", "REQUESTED"];
const DANGER: readonly ReferralStatus[] = ["REJECTED", "FAILED", "CANCELLED", "ENTERED_IN_ERROR"];
/** The order buttons appear in: the usual next step first. */
const ORDER: readonly ReferralStatus[] = ["REQUESTED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "ON_HOLD", "REJECTED", "FAILED", "CANCELLED", "ENTERED_IN_ERROR"];

export function ReferralActions({ moves, version }: { moves: ReferralStatus[]; version: number }) {
  const { t } = useTranslation();
  const sorted = ORDER.filter((m) => moves.includes(m));
  if (!sorted.length) return <p className="muted">{t("referral.actions.none")}</p>;
  return (
    <div className="referral-actions">
      {sorted.map((to) => (SIMPLE.includes(to) ? <SimpleMove key={to} to={to} version={version} /> : <DialogMove key={to} to={to} version={version} />))}
    </div>
  );
}

/** The form's message (the browser's or the server's); a version conflict offers a reload. */
function Problem({ message, result }: { message?: string; result?: ActionResult }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      {message}
      {result?.conflict ? (
        <>
          {" "}
          <a href={`${location.pathname}${location.search}`}>{t("referral.actions.reload")}</a>
        </>
      ) : null}
    </div>
  );
}

function Hidden({ to, version }: { to: ReferralStatus; version: number }) {
  return (
    <>
      <input type="hidden" name="intent" value="transition" />
      <input type="hidden" name="to" value={to} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

function SimpleMove({ to, version }: { to: ReferralStatus; version: number }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ActionResult>();
  const { form } = useSchemaForm({ schema: TransitionReferralSchema, result: fetcher.data });
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" className="referral-actions__form" {...form.props}>
      <Hidden to={to} version={version} />
      <button type="submit" className={`button${to === "ACCEPTED" || to === "REQUESTED" ? " button--primary" : ""}`} disabled={busy} aria-busy={busy || undefined}>
        {busy ? t("referral.actions.saving") : t(`referral.actions.to.${to}`)}
      </button>
      <Problem message={form.error} result={fetcher.data} />
    </fetcher.Form>
  );
}

function DialogMove({ to, version }: { to: ReferralStatus; version: number }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ActionResult>();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const fieldId = useId();
  const [reason, setReason] = useState<ReferralReason | "">("");
  const [outcome, setOutcome] = useState("");
  const { form, fields } = useSchemaForm({ schema: TransitionReferralSchema, result: fetcher.data });
  const busy = fetcher.state !== "idle";
  const errors: Record<string, string[] | undefined> = { reason: fields.reason.errors, outcome: fields.outcome.errors, outcomeText: fields.outcomeText.errors, reasonText: fields.reasonText.errors };
  const coded = CODED_REASON.includes(to);
  const explanationRequired = coded ? !!reason && EXPLANATION_REQUIRED_FOR.includes(reason) : to === "ON_HOLD" || to === "CANCELLED";

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) dialogRef.current?.close();
  }, [fetcher.state, fetcher.data]);

  const err = (name: string) => (errors[name]?.length ? <p className="field-error" id={`${fieldId}-${name}-error`} role="alert">{errors[name]![0]}</p> : null);
  const described = (name: string, hint?: boolean) => [hint ? `${fieldId}-${name}-hint` : null, errors[name]?.length ? `${fieldId}-${name}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <>
      <button type="button" className={`button${DANGER.includes(to) ? " button--danger" : ""}`} onClick={() => dialogRef.current?.showModal()}>
        {t(`referral.actions.to.${to}`)}
      </button>
      <dialog ref={dialogRef} className="dialog referral-dialog" aria-labelledby={titleId}>
        <fetcher.Form method="post" {...form.props}>
          <h2 id={titleId}>{t(`referral.actions.title.${to}`)}</h2>
          <p>{t(`referral.actions.question.${to}`)}</p>
          <Hidden to={to} version={version} />
          <Problem message={form.error} result={fetcher.data} />

          {coded ? (
            <div className={`field${errors.reason ? " field--invalid" : ""}`}>
              <label htmlFor={`${fieldId}-reason`}>{t("referral.actions.reason")}</label>
              <select id={`${fieldId}-reason`} name="reason" required value={reason} onChange={(e) => setReason(e.target.value as ReferralReason | "")} aria-invalid={errors.reason ? true : undefined} aria-describedby={described("reason")}>
                <option value="">{t("referral.actions.chooseReason")}</option>
                {REFERRAL_REASONS.map((r) => (
                  <option key={r} value={r}>{t(`referral.reasons.${r}`)}</option>
                ))}
              </select>
              {err("reason")}
            </div>
          ) : null}

          {to === "COMPLETED" ? (
            <div className={`field${errors.outcome ? " field--invalid" : ""}`}>
              <label htmlFor={`${fieldId}-outcome`}>{t("referral.actions.outcome")}</label>
              <select id={`${fieldId}-outcome`} name="outcome" required value={outcome} onChange={(e) => setOutcome(e.target.value)} aria-invalid={errors.outcome ? true : undefined} aria-describedby={described("outcome")}>
                <option value="">{t("referral.actions.chooseOutcome")}</option>
                {REFERRAL_OUTCOMES.map((o) => (
                  <option key={o} value={o}>{t(`referral.outcomes.${o}`)}</option>
                ))}
              </select>
              {err("outcome")}
            </div>
          ) : null}

          {to === "COMPLETED" ? (
            <div className={`field${errors.outcomeText ? " field--invalid" : ""}`}>
              <label htmlFor={`${fieldId}-outcomeText`}>{outcome === "OTHER" ? t("referral.actions.outcomeTextRequired") : t("referral.actions.outcomeText")}</label>
              <textarea id={`${fieldId}-outcomeText`} name="outcomeText" rows={3} maxLength={fields.outcomeText.maxLength} required={outcome === "OTHER"} aria-invalid={errors.outcomeText ? true : undefined} aria-describedby={described("outcomeText")} />
              {err("outcomeText")}
            </div>
          ) : to !== "ENTERED_IN_ERROR" ? (
            <div className={`field${errors.reasonText ? " field--invalid" : ""}`}>
              <label htmlFor={`${fieldId}-reasonText`}>{explanationRequired ? t("referral.actions.reasonTextRequired") : t("referral.actions.reasonText")}</label>
              {coded ? <p className="field-hint" id={`${fieldId}-reasonText-hint`}>{t("referral.actions.reasonTextHint")}</p> : null}
              <textarea id={`${fieldId}-reasonText`} name="reasonText" rows={3} maxLength={fields.reasonText.maxLength} required={explanationRequired} aria-invalid={errors.reasonText ? true : undefined} aria-describedby={described("reasonText", coded)} />
              {err("reasonText")}
            </div>
          ) : null}

          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => dialogRef.current?.close()} autoFocus>
              {t("common.cancel")}
            </button>
            <button type="submit" className={`button ${DANGER.includes(to) ? "button--danger" : "button--primary"}`} disabled={busy} aria-busy={busy || undefined}>
              {busy ? t("referral.actions.saving") : t(`referral.actions.confirm.${to}`)}
            </button>
          </div>
        </fetcher.Form>
      </dialog>
    </>
  );
}

/** The comment thread's form: cleared after it posts. */
export function CommentForm() {
  const { t } = useTranslation();
  const fetcher = useFetcher<ActionResult>();
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const { form, fields } = useSchemaForm({ schema: CommentReferralSchema, result: fetcher.data });
  const busy = fetcher.state !== "idle";
  const error = fields.body.errors?.[0] ?? form.error;
  useEffect(() => {
    // Conform follows the reset event, so the field's messages clear with its text.
    if (fetcher.state === "idle" && fetcher.data?.ok) formRef.current?.reset();
  }, [fetcher.state, fetcher.data]);
  return (
    <fetcher.Form method="post" ref={formRef} className="comment-form" {...form.props}>
      <input type="hidden" name="intent" value="comment" />
      <div className={`field${error ? " field--invalid" : ""}`}>
        <label htmlFor={id}>{t("referral.detail.comment")}</label>
        <p className="field-hint" id={`${id}-hint`}>{t("referral.detail.commentHint")}</p>
        <textarea id={id} name="body" rows={3} maxLength={fields.body.maxLength} required aria-invalid={error ? true : undefined} aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")} />
        {error ? <p className="field-error" id={`${id}-error`} role="alert">{error}</p> : null}
      </div>
      <button type="submit" className="button" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t("referral.actions.saving") : t("referral.detail.postComment")}
      </button>
    </fetcher.Form>
  );
}
