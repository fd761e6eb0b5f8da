import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** The host's "End conference", behind a modal confirmation. */
export function EndButton({ end }: { end: () => Promise<{ ok: boolean; error?: string }> }) {
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
