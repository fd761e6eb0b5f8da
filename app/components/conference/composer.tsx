import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MESSAGE_MAX_LENGTH } from "~/modules/conference/schemas";
import { applyReplacements } from "~/modules/deid/types";
import type { WireFinding } from "~/realtime/events";
import { HighlightedText } from "./highlighted-text";

/** The message box: a message the identifier check holds comes back highlighted, with its replacements one click away. */
export function Composer({ send, disabled, typeLabel }: { send: (body: string) => Promise<{ ok: boolean; code?: string; error?: string; findings?: WireFinding[] }>; disabled: boolean; typeLabel: (t: string) => string }) {
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
