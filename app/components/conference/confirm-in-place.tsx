import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

export type RoomActionResult = { ok: boolean; error?: string; code?: string };

/** "Hide…" → a confirmation in place (hiding erases the text for everyone and cannot be undone). */
export function HideMessage({ hide }: { hide: () => Promise<RoomActionResult> }) {
  const { t } = useTranslation();
  return <ConfirmInPlace action={hide} label={t("conference.room.hide")} question={t("conference.room.hideQuestion")} confirmLabel={t("conference.room.hideConfirm")} pendingLabel={t("conference.room.hiding")} />;
}

/** A small destructive action with its confirmation shown in place (focus moves to the confirm button). */
export function ConfirmInPlace({ action, label, question, confirmLabel, pendingLabel }: { action: () => Promise<RoomActionResult>; label: string; question: string; confirmLabel: string; pendingLabel: string }) {
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
