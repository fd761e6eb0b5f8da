/** Browser-safe pieces of the flow page and the reminder windows form (used by routes' UI and server). */
import { z } from "zod";

export const FLOW_PERIODS = [30, 90, 365] as const;
export type FlowPeriod = (typeof FLOW_PERIODS)[number];

const days = z.coerce.number({ invalid_type_error: "Enter a number of days" }).int("Use whole days").min(1, "At least 1 day").max(30, "At most 30 days");

export const ReferralWindowsSchema = z.object({
  intent: z.literal("referral-windows"),
  acceptDays: days,
  updateDays: days,
});
