import { Form } from "@remix-run/react";
import { useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A destructive action behind a confirmation dialog (native <dialog>: focus is trapped, Escape
 * cancels). Without JavaScript the form posts directly.
 */
export function ConfirmForm({ children, question, confirmLabel, dismissLabel, hidden }: { children: ReactNode; question: string; confirmLabel: string; dismissLabel?: string; hidden: Record<string, string> }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <Form method="post" ref={formRef} className="inline-form">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className="button button--danger button--small"
        onClick={(event) => {
          if (!dialogRef.current) return;
          event.preventDefault();
          dialogRef.current.showModal();
        }}
      >
        {children}
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={undefined} aria-label={question}>
        <p>{question}</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()} autoFocus>
            {dismissLabel ?? t("common.cancel")}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              dialogRef.current?.close();
              formRef.current?.requestSubmit();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </Form>
  );
}
