/** The browser side of the "referral.changed" event (its payload is in the event map: no client details, by design). */
import type { TFunction } from "i18next";
import type { ReferralChanged } from "~/realtime/events";

/** The toast for an event, or null for my own organization's changes (I already see them). */
export function referralToast(t: TFunction, e: ReferralChanged, myOrganizationId: string | null): string | null {
  if (e.byOrganizationId && e.byOrganizationId === myOrganizationId) return null;
  const organization = e.byOrganizationName ?? t("referral.live.aPartner");
  switch (e.kind) {
    case "sent":
      return t("referral.live.sent", { organization });
    case "status":
      return t(`referral.live.status.${e.status}`, { organization });
    case "comment":
      return t("referral.live.comment", { organization });
    case "reminder":
      return t("referral.live.reminder");
    case "external":
      return t("pathways.live.arrived", { practice: organization });
  }
}
