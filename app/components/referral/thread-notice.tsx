/**
 * What the comment thread says when the client's authorization no longer covers the receiving
 * organization (ADR 068): why and since when, in place of the comment form. The recipient reads no
 * comment; the sender keeps the thread but can no longer post to it.
 */
import { useTranslation } from "react-i18next";
import type { ThreadState } from "~/modules/referral/service.server";
import { formatDate } from "./labels";

type Closed = Extract<ThreadState, { open: false }>;
/** Dates arrive from the loader serialized or not: accept both. */
type ClosedView = Omit<Closed, "since"> & { since: string | Date | null };

export function ThreadClosedNotice({ thread, side, partner }: { thread: ClosedView; side: "sender" | "receiver"; partner: string }) {
  const { t, i18n } = useTranslation();
  const dated = (thread.reason === "revoked" || thread.reason === "expired") && thread.since;
  const why = dated ? t(`referral.detail.threadClosed.${thread.reason as "revoked" | "expired"}`, { date: formatDate(thread.since, i18n.language) }) : t("referral.detail.threadClosed.other");
  return (
    <div className="alert" role="status">
      <p><strong>{why}</strong></p>
      <p className="small">{side === "sender" ? t("referral.detail.threadClosed.sender", { organization: partner }) : t("referral.detail.threadClosed.receiver")}</p>
    </div>
  );
}
