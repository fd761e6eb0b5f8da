import { useTranslation } from "react-i18next";
import type { IdentifierMissed } from "~/realtime/events";

/**
 * What the room is told when a participant reports words the check missed (ADR 092): the author
 * that their text was hidden and why, everyone else that it was — never the words themselves.
 */
export function MissedNotice({ missed, myUserId }: { missed: IdentifierMissed; myUserId: string }) {
  const { t } = useTranslation();
  const type = t(`conference.types.${missed.type}`, { defaultValue: missed.type });
  const key = missed.authorId === myUserId ? "yours" : missed.reportedById === myUserId ? "reported" : "others";
  return (
    <p className={`alert${key === "yours" ? " alert--error" : ""}`} role="status" data-testid="missed-notice">
      {t(`conference.missed.notice.${key}_${missed.kind}`, { name: missed.reportedByName, type })}
    </p>
  );
}
