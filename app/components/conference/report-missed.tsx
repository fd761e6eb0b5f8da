import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { IDENTIFIER_TYPES } from "~/modules/deid/types";
import type { RoomActionResult } from "./confirm-in-place";

/** A piece of shared text a participant can mark: a message, or one section of a vignette. */
export type MarkableText = { key: string; label: string; text: string };

/** Where the marked words are, in the text the server holds (it checks again). */
export function spanOf(text: string, words: string): { start: number; end: number } | null {
  const wanted = words.trim();
  if (!wanted) return null;
  let start = text.indexOf(wanted);
  // A person may retype the words in another case; the span is the text's own.
  if (start < 0 && text.toLowerCase().length === text.length) start = text.toLowerCase().indexOf(wanted.toLowerCase());
  return start < 0 ? null : { start, end: start + wanted.length };
}

/** The words selected inside `scope`, if any (the form is pre-filled with them). */
function selectionWithin(scope: RefObject<HTMLElement | null>): string {
  if (typeof window === "undefined") return "";
  const selection = window.getSelection();
  const node = selection?.anchorNode;
  if (!selection || selection.isCollapsed || !node || !scope.current?.contains(node)) return "";
  return selection.toString().trim().slice(0, 200);
}

/**
 * "Report an identifier" (issue #19, ADR 092): any participant marks words of a shared vignette or
 * message the identifier check missed. A button (so it works from the keyboard) opens a small form
 * pre-filled with the words selected in the text; a confirmation says what will happen — the text
 * is hidden for everyone at once and the words join the author's organization's private list —
 * before anything is sent.
 */
export function ReportMissed({
  texts,
  scope,
  report,
  what,
}: {
  texts: MarkableText[];
  scope: RefObject<HTMLElement | null>;
  report: (input: { key: string; start: number; end: number; type: string }) => Promise<RoomActionResult>;
  /** "message" or "vignette": the wording of the confirmation. */
  what: "message" | "vignette";
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<{ key: string; start: number; end: number; type: string } | null>(null);
  const [key, setKey] = useState(texts[0]?.key ?? "");
  const [words, setWords] = useState("");
  const [type, setType] = useState<string>("NAME");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const wordsRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const selected = useRef("");

  useEffect(() => {
    if (open && !confirming) wordsRef.current?.focus();
  }, [open, confirming]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const start = () => {
    const picked = selected.current || selectionWithin(scope);
    selected.current = "";
    setWords(picked);
    setKey(texts.find((x) => picked && x.text.includes(picked))?.key ?? texts[0]?.key ?? "");
    setError(null);
    setConfirming(null);
    setOpen(true);
  };

  if (!open) {
    return (
      <button
        type="button"
        className="link-button small message-hide"
        // Read the selection before the click can move focus (and clear it on some browsers).
        onMouseDown={() => (selected.current = selectionWithin(scope))}
        onClick={start}
      >
        {t("conference.missed.report")}
      </button>
    );
  }

  const text = texts.find((x) => x.key === key)?.text ?? "";
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!words.trim()) return setError(t("conference.missed.wordsMissing"));
    if (words.trim().length > 200) return setError(t("conference.missed.wordsTooLong"));
    const span = spanOf(text, words);
    if (!span) return setError(t("conference.missed.notInText"));
    setError(null);
    setConfirming({ key, ...span, type });
  };

  return (
    <div className="report-missed" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="small"><strong>{t("conference.missed.title")}</strong></p>
      {confirming ? (
        <>
          <p className="small">{t(`conference.missed.question_${what}`)}</p>
          <p className="small"><mark className="finding-mark">{text.slice(confirming.start, confirming.end)}</mark> · {t(`conference.types.${confirming.type}`, { defaultValue: confirming.type })}</p>
          {error ? <p className="field-error small" role="alert">{error}</p> : null}
          <button
            ref={confirmRef}
            type="button"
            className="button button--small button--danger"
            disabled={pending}
            aria-busy={pending || undefined}
            onClick={async () => {
              setPending(true);
              const result = await report(confirming);
              setPending(false);
              if (result.ok) setOpen(false);
              else setError(t(`conference.missed.errors.${result.code}`, { defaultValue: t(`conference.errors.${result.code}`, { defaultValue: result.error ?? "" }) }));
            }}
          >
            {pending ? t("conference.missed.reporting") : t("conference.missed.confirm")}
          </button>{" "}
          <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
            {t("conference.missed.back")}
          </button>
        </>
      ) : (
        <form className="stack-tight" onSubmit={check} noValidate>
          {texts.length > 1 ? (
            <div className="field">
              <label htmlFor={`${id}-field`}>{t("conference.missed.where")}</label>
              <select id={`${id}-field`} value={key} onChange={(e) => setKey(e.target.value)}>
                {texts.map((x) => (
                  <option key={x.key} value={x.key}>{x.label}</option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-words`}>{t("conference.missed.words")}</label>
            <input
              id={`${id}-words`}
              ref={wordsRef}
              value={words}
              maxLength={200}
              aria-describedby={`${id}-hint`}
              aria-invalid={error ? true : undefined}
              onChange={(e) => setWords(e.target.value)}
            />
            <p id={`${id}-hint`} className="field-hint">{t("conference.missed.wordsHint")}</p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-type`}>{t("conference.missed.type")}</label>
            <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
              {IDENTIFIER_TYPES.map((x) => (
                <option key={x} value={x}>{t(`conference.types.${x}`, { defaultValue: x })}</option>
              ))}
            </select>
          </div>
          {error ? <p className="field-error small" role="alert">{error}</p> : null}
          <div>
            <button type="submit" className="button button--small">{t("conference.missed.next")}</button>{" "}
            <button type="button" className="button button--small" onClick={() => setOpen(false)}>
              {t("conference.room.cancel")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
