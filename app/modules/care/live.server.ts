/**
 * The care module's live events (ADR 101): a next step given to a partner organization changed.
 * Emitted after the change's transaction commits, into both organizations' rooms; the payload is
 * ids only (the event map strips anything else), and the client's id goes to the client's own
 * organization only.
 */
import { emitToOrganization } from "~/realtime/emit.server";
import type { Actor } from "~/modules/auth/actor";

export type StepChange = { kind: "assigned" | "done"; stepId: string; planId: string; clientId: string; organizationId: string; partnerOrganizationId: string };

export function emitStepChanged(change: StepChange, by: Pick<Actor, "organizationId" | "organizationName">) {
  const common = { kind: change.kind, stepId: change.stepId, planId: change.planId, organizationId: change.organizationId, partnerOrganizationId: change.partnerOrganizationId, byOrganizationId: by.organizationId, byOrganizationName: by.organizationName };
  emitToOrganization(change.organizationId, "care.step.changed", { ...common, clientId: change.clientId });
  emitToOrganization(change.partnerOrganizationId, "care.step.changed", { ...common, clientId: null });
}
