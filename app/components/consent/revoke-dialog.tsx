import { Form } from "@remix-run/react";
import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { REVOCATION_CHANNELS } from "~/modules/consent/categories";
import { RevokeAuthorizationSchema } from "~/modules/consent/schemas";
import { useSchemaForm } from "~/components/ui/schema-form";

/**
 * Revoking is destructive: a dialog asks how the revocation was received and for confirmation.
 * (Without JavaScript the dialog's form is shown inline and posts directly.) The browser checks
 * it with RevokeAuthorizationSchema before it closes; the server's answer shows on the page.
 */
export function RevokeDialog({ authorizationId, label }: { authorizationId: string; label: string }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const selectId = useId();
  const dateId = useId();
  const today = new Date().toISOString().slice(0, 10);
  const { form, fields } = useSchemaForm({ schema: RevokeAuthorizationSchema });
  const error = (name: "receivedVia" | "receivedOn", id: string) => {
    const messages = fields[name].errors;
    return messages?.length ? <p className="field-error" id={`${id}-error`} role="alert">{messages[0]}</p> : null;
  };
  return (
    <>
      <button type="button" className="button button--danger button--small" onClick={() => dialogRef.current?.showModal()}>
        {t("consent.detail.revoke")}
        <span className="visually-hidden"> {label}</span>
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId}>
        <Form
          method="post"
          {...form.props}
          onSubmit={(event) => {
            form.props.onSubmit(event);
            if (!event.defaultPrevented) dialogRef.current?.close();
          }}
        >
          <h2 id={titleId}>{t("consent.detail.revokeTitle")}</h2>
          <p>{t("consent.detail.revokeQuestion")}</p>
          <input type="hidden" name="intent" value="revoke" />
          <input type="hidden" name="authorizationId" value={authorizationId} />
          <div className={`field${fields.receivedVia.errors ? " field--invalid" : ""}`}>
            <label htmlFor={selectId}>{t("consent.detail.revokeHow")}</label>
            <select id={selectId} name="receivedVia" required defaultValue="IN_PERSON_WRITTEN" aria-invalid={fields.receivedVia.errors ? true : undefined} aria-describedby={fields.receivedVia.errors ? `${selectId}-error` : undefined}>
              {REVOCATION_CHANNELS.map((c) => (
                <option key={c} value={c}>{t(`consent.channels.${c}`)}</option>
              ))}
            </select>
            {error("receivedVia", selectId)}
          </div>
          <div className={`field${fields.receivedOn.errors ? " field--invalid" : ""}`}>
            <label htmlFor={dateId}>{t("consent.detail.revokeReceivedOn")}</label>
            <input id={dateId} type="date" name="receivedOn" defaultValue={today} max={today} required aria-invalid={fields.receivedOn.errors ? true : undefined} aria-describedby={fields.receivedOn.errors ? `${dateId}-error` : undefined} />
            {error("receivedOn", dateId)}
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => dialogRef.current?.close()} autoFocus>{t("common.cancel")}</button>
            <button type="submit" className="button button--danger">{t("consent.detail.revoke")}</button>
          </div>
        </Form>
      </dialog>
    </>
  );
}
