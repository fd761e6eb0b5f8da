import { Form } from "@remix-run/react";
import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { REVOCATION_CHANNELS } from "~/modules/consent/categories";

/**
 * Revoking is destructive: a dialog asks how the revocation was received and for confirmation.
 * (Without JavaScript the dialog's form is shown inline and posts directly.)
 */
export function RevokeDialog({ authorizationId, label }: { authorizationId: string; label: string }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const selectId = useId();
  const dateId = useId();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <button type="button" className="button button--danger button--small" onClick={() => dialogRef.current?.showModal()}>
        {t("consent.detail.revoke")}
        <span className="visually-hidden"> {label}</span>
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId}>
        <Form method="post" onSubmit={() => dialogRef.current?.close()}>
          <h2 id={titleId}>{t("consent.detail.revokeTitle")}</h2>
          <p>{t("consent.detail.revokeQuestion")}</p>
          <input type="hidden" name="intent" value="revoke" />
          <input type="hidden" name="authorizationId" value={authorizationId} />
          <div className="field">
            <label htmlFor={selectId}>{t("consent.detail.revokeHow")}</label>
            <select id={selectId} name="receivedVia" required defaultValue="IN_PERSON_WRITTEN">
              {REVOCATION_CHANNELS.map((c) => (
                <option key={c} value={c}>{t(`consent.channels.${c}`)}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={dateId}>{t("consent.detail.revokeReceivedOn")}</label>
            <input id={dateId} type="date" name="receivedOn" defaultValue={today} max={today} required />
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
