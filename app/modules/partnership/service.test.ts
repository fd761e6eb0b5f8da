import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createCoalition, createOrganization, createTwoOrganizationWorld } from "../../../tests/factories";
import { addAgreement, addDecision, addStakeholderAnalysis, getWorkspace, setRelationshipStage } from "./service.server";
import { StakeholderAnalysisSchema, AddAgreementSchema } from "./schemas";
import { coalitionActorFor } from "../../../tests/actors";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("partnership workspace", () => {
  it("stages, agreements with renewal reminders, analyses with the change since last time, decisions", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = coalitionActorFor(world.convener.id, world.orgA.id, world.coalition.id);
    const now = d("2026-11-23");
    await setRelationshipStage({ actor, organizationId: world.orgB.id, stage: "EARLY_COLLABORATION" });
    await addAgreement({ actor, input: { organizationId: world.orgB.id, kind: "DATA_SHARING", signedOn: d("2025-12-01"), renewsOn: d("2026-12-15"), notes: "" } });
    await addAgreement({ actor, input: { organizationId: world.orgA.id, kind: "BAA", signedOn: d("2024-01-01"), renewsOn: d("2026-10-01"), notes: "" } });
    await addStakeholderAnalysis({ actor, heldOn: d("2026-03-01"), rows: [{ group: "Hospital leadership", support: "NEUTRAL", influence: "HIGH", actionSteps: "" }] });
    await addStakeholderAnalysis({ actor, heldOn: d("2026-09-01"), rows: [{ group: "Hospital leadership", support: "STRONG_SUPPORT", influence: "HIGH", actionSteps: "Invite to the steering group" }, { group: "Faith leaders", support: "SUPPORT", influence: "MEDIUM", actionSteps: "" }] });
    await addDecision({ actor, input: { decision: "Adopt the shared referral template", method: "CONSENSUS", decidedOn: d("2026-09-01"), present: "All partners" } });

    const ws = await getWorkspace(world.coalition.id, now);
    expect(ws.partners.find((p) => p.id === world.orgB.id)?.stage).toBe("EARLY_COLLABORATION");
    expect(ws.partners.find((p) => p.id === world.orgA.id)?.stage).toBe("COALITION_MEMBER");
    expect(ws.agreements.map((a) => a.renewal)).toEqual(["overdue", "soon"]);
    expect(ws.analysis?.entries.find((e) => e.group === "Hospital leadership")?.change).toBe(2);
    expect(ws.analysis?.entries.find((e) => e.group === "Faith leaders")?.change).toBeNull();
    expect(ws.analysis?.dueAgain).toBe(false);
    expect(ws.decisions[0]).toMatchObject({ method: "CONSENSUS", decision: "Adopt the shared referral template" });
  });

  it("another coalition's organization is not a partner here (404)", async () => {
    const world = await createTwoOrganizationWorld();
    const stranger = await createOrganization({ coalitionId: (await createCoalition()).id });
    const actor = coalitionActorFor(world.convener.id, world.orgA.id, world.coalition.id);
    await expect(setRelationshipStage({ actor, organizationId: stranger.id, stage: "CONTACTED" })).rejects.toMatchObject({ status: 404 });
  });

  it("an organization that left the coalition, or was deleted, is not a partner any more (404), and leaves the workspace", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = coalitionActorFor(world.convener.id, world.orgA.id, world.coalition.id);
    const gone = await createOrganization({ coalitionId: world.coalition.id, name: "Gone" });
    await db.coalitionMember.updateMany({ where: { organizationId: world.orgB.id }, data: { status: "LEFT", leftAt: new Date() } });
    await db.organization.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    await expect(setRelationshipStage({ actor, organizationId: world.orgB.id, stage: "CONTACTED" })).rejects.toMatchObject({ status: 404 });
    await expect(addAgreement({ actor, input: { organizationId: gone.id, kind: "MOU", notes: "" } })).rejects.toMatchObject({ status: 404 });
    expect((await getWorkspace(world.coalition.id)).partners.map((p) => p.id)).toEqual([world.orgA.id]);
  });

  it("bad input: an analysis with no group, a renewal before signing", () => {
    expect(StakeholderAnalysisSchema.safeParse({ intent: "add-analysis", heldOn: "2026-01-01", group: ["", ""], support: ["", ""], influence: ["", ""] }).success).toBe(false);
    expect(StakeholderAnalysisSchema.safeParse({ intent: "add-analysis", heldOn: "2026-01-01", group: ["Payers"], support: ["MAYBE"], influence: ["HIGH"] }).success).toBe(false);
    const bad = AddAgreementSchema.safeParse({ intent: "add-agreement", organizationId: crypto.randomUUID(), kind: "MOU", signedOn: "2026-05-01", renewsOn: "2026-01-01" });
    expect(bad.success).toBe(false);
  });
});
