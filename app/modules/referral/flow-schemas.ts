/** Browser-safe pieces of the flow page and the reminder windows form (used by routes' UI and server). */
import { z } from "zod";
import { translatable } from "~/utils/translatable";

export const FLOW_PERIODS = [30, 90, 365] as const;
export type FlowPeriod = (typeof FLOW_PERIODS)[number];

const days = z.coerce.number({ invalid_type_error: translatable("errors.fields.enterANumberOfDays") }).int(translatable("errors.fields.useWholeDays")).min(1, translatable("errors.fields.atLeast1Day")).max(30, translatable("errors.fields.atMost30Days"));

export const ReferralWindowsSchema = z.object({
  intent: z.literal("referral-windows"),
  acceptDays: days,
  updateDays: days,
});
