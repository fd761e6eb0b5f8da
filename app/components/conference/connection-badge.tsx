import { useTranslation } from "react-i18next";

/** The room's connection state (live, reconnecting, ended …), announced politely to screen readers. */
export function ConnectionBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <p className={`connection connection--${state}`} role="status" aria-live="polite" data-testid="connection">
      <span className="presence-dot" aria-hidden="true" /> {t(`conference.connection.${state}`)}
    </p>
  );
}
