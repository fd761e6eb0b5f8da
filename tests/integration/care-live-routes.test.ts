/**
 * ADR 101 through the routes as the server serves them: the partner's task list (/care-steps) and
 * its "done" form, the peer support picker's search (/api/care/peer-support), connecting a client
 * to a peer support group from the plan, and the group with how to reach it on the written copy in
 * the client's language. Bad input is a 400 naming the field with nothing written; another
 * coalition's group or another partner's step is refused.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { withHttpErrors } from "~/utils/http-errors.server";
import { db } from "~/utils/db.server";
import { translatorForLocale } from "~/i18n/translators";
import * as tasksRoute from "~/routes/_app.care-steps";
import * as peerRoute from "~/routes/api.care.peer-support";
import * as planRoute from "~/routes/_app.clients.$clientId.plan";
import * as copyRoute from "~/routes/_app.clients.$clientId.plan_.copy";
import { addGoal, addStep, enrollClient } from "~/modules/care/service.server";
import type { PartnerTask } from "~/modules/care/partner-steps.server";
import type { PeerGroupOption } from "~/modules/care/peer-support.server";
import type { WrittenCopy } from "~/modules/care/written-copy.server";
import { WrittenCopyDocument } from "~/components/care/written-copy";
import { createCoalition, createTwoOrganizationWorld, createUser } from "../factories";
import { actorFor, createAuthorization, createClient, isoDay } from "../consent-factories";
import { settle, signedInRequester } from "../helpers";

const tasks = withHttpErrors(tasksRoute);
const peer = withHttpErrors(peerRoute);
const plan = withHttpErrors(planRoute);
const copy = withHttpErrors(copyRoute);

async function peerGroup(coalitionId: string, name: string, extra: { sdohCodes?: string[]; latitude?: number; kind?: "INFORMAL_GROUP" | "PLACE" } = {}) {
  return db.asset.create({
    data: {
      coalitionId, kind: extra.kind ?? "INFORMAL_GROUP", visibility: "COALITION", name, description: "Peer-led, drop in", latitude: extra.latitude ?? 38.27, longitude: -104.61,
      address: "12 Main St", phone: "555-0199", sdohCodes: extra.sdohCodes ?? ["social-connection"], searchText: `${name} peer-led, drop in 12 main st`.toLowerCase(),
      schedules: [{ freq: "WEEKLY", byday: "MO,WE", opensAt: "18:00", closesAt: "19:00" }],
    },
  });
}

describe("a partner's task list and peer support, through the routes", () => {
  let world: Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
  let partnerEmail: string;
  let staffEmail: string;

  beforeAll(async () => {
    world = await createTwoOrganizationWorld();
    partnerEmail = (await createUser({ memberships: [{ organizationId: world.orgB.id, role: "CARE_MANAGER" }] })).email;
    staffEmail = (await createUser({ memberships: [{ organizationId: world.orgB.id, role: "STAFF" }] })).email;
  });

  it("the partner's list shows its step; 'done' with a too-long note is a 400 on the note and changes nothing; done with a note works; staff cannot open it", async () => {
    const cm = actorFor(world.careManagerA.id, world.orgA.id);
    const clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const { goalId } = await addGoal({ actor: cm, clientId, input: { text: "Cook for my kids" } });
    const { stepId } = await addStep({ actor: cm, clientId, input: { goalId, text: "Groceries Friday", owner: "PARTNER", partnerOrganizationId: world.orgB.id, dueOn: isoDay(2) } });
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });

    const partner = await signedInRequester(partnerEmail);
    const listed = await settle(() => tasks.loader({ request: partner.get("/care-steps"), params: {}, context: {} }));
    expect(listed.status).toBe(200);
    expect((listed.body as { tasks: { open: PartnerTask[] } }).tasks.open.map((t) => t.stepId)).toContain(stepId);

    const tooLong = await settle(() => tasks.action({ request: partner.post("/care-steps", { intent: "partner-step-done", stepId, note: "x".repeat(301) }), params: {}, context: {} }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ fieldErrors: { note: [expect.any(String)] } });
    const badId = await settle(() => tasks.action({ request: partner.post("/care-steps", { intent: "partner-step-done", stepId: "not-a-step" }), params: {}, context: {} }));
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ fieldErrors: { stepId: [expect.any(String)] } });
    expect((await db.careStep.findUniqueOrThrow({ where: { id: stepId } })).doneAt).toBeNull();

    const done = await settle(() => tasks.action({ request: partner.post("/care-steps", { intent: "partner-step-done", stepId, note: "Delivered" }), params: {}, context: {} }));
    expect(done.body).toEqual({ done: stepId });
    expect((await db.careStep.findUniqueOrThrow({ where: { id: stepId } })).doneByOrganizationId).toBe(world.orgB.id);

    // The client's own organization may not use the partner's form on its own client's step (not its step).
    const own = await signedInRequester(world.careManagerA.email);
    expect((await settle(() => tasks.action({ request: own.post("/care-steps", { intent: "partner-step-done", stepId }), params: {}, context: {} }))).status).toBe(404);

    const staff = await signedInRequester(staffEmail);
    expect((await settle(() => tasks.loader({ request: staff.get("/care-steps"), params: {}, context: {} }))).status).toBe(403);
  });

  it("the picker finds peer support groups of the coalition only, by words or nearest first; bad input is a 400", async () => {
    const near = await peerGroup(world.coalition.id, `Walking Group ${crypto.randomUUID().slice(0, 6)}`, { latitude: 38.27 });
    const far = await peerGroup(world.coalition.id, `Grief Circle ${crypto.randomUUID().slice(0, 6)}`, { latitude: 38.9 });
    const notPeer = await peerGroup(world.coalition.id, "Pantry Shelf", { sdohCodes: ["food-insecurity"] });
    const place = await peerGroup(world.coalition.id, "Park", { kind: "PLACE" });
    const other = await createCoalition();
    const elsewhere = await peerGroup(other.id, "Other coalition's circle");
    await db.organization.update({ where: { id: world.orgA.id }, data: { latitude: 38.27, longitude: -104.61 } });

    const cm = await signedInRequester(world.careManagerA.email);
    const all = await settle(() => peer.loader({ request: cm.get("/api/care/peer-support"), params: {}, context: {} }));
    const ids = (all.body as { groups: PeerGroupOption[] }).groups.map((g) => g.id);
    expect(ids.indexOf(near.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(near.id)).toBeLessThan(ids.indexOf(far.id));
    expect(ids).not.toContain(notPeer.id);
    expect(ids).not.toContain(place.id);
    expect(ids).not.toContain(elsewhere.id);

    const typed = await settle(() => peer.loader({ request: cm.get(`/api/care/peer-support?peer=${encodeURIComponent("grief")}`), params: {}, context: {} }));
    expect((typed.body as { groups: PeerGroupOption[] }).groups.map((g) => g.id)).toEqual([far.id]);
    expect((await settle(() => peer.loader({ request: cm.get(`/api/care/peer-support?peer=${"a".repeat(81)}`), params: {}, context: {} }))).status).toBe(400);
    const staff = await signedInRequester(staffEmail);
    expect((await settle(() => peer.loader({ request: staff.get("/api/care/peer-support"), params: {}, context: {} }))).status).toBe(403);
  });

  it("connecting a client to a group from the plan: a step the client owns, the group linked, on the written copy in Spanish with how to reach it; another coalition's group is a 400 on the group", async () => {
    const cm = actorFor(world.careManagerA.id, world.orgA.id);
    const clientId = await createClient(cm, { name: "Rosa Peer", preferredLanguage: "es" });
    await enrollClient({ actor: cm, clientId, input: { program: "Atención reforzada" } });
    const { goalId } = await addGoal({ actor: cm, clientId, input: { text: "Salir más de casa" } });
    const group = await peerGroup(world.coalition.id, "Círculo de Caminantes");
    const elsewhere = await peerGroup((await createCoalition()).id, "Círculo lejano");
    const requester = await signedInRequester(world.careManagerA.email);
    const post = (fields: Record<string, string>) => settle(() => plan.action({ request: requester.post(`/clients/${clientId}/plan`, fields), params: { clientId }, context: {} }));

    const before = await db.careStep.count({ where: { plan: { clientId } } });
    const foreign = await post({ intent: "connect-peer-support", goalId, assetId: elsewhere.id, text: "Ir a una reunión", dueOn: isoDay(7) });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ fieldErrors: { assetId: [expect.any(String)] } });
    const missing = await post({ intent: "connect-peer-support", goalId, text: "Ir a una reunión", dueOn: isoDay(7) });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ fieldErrors: { assetId: [expect.any(String)] } });
    expect(await db.careStep.count({ where: { plan: { clientId } } })).toBe(before);

    expect((await post({ intent: "connect-peer-support", goalId, assetId: group.id, text: "Ir a una reunión del grupo", dueOn: isoDay(7) })).body).toEqual({ done: "connect-peer-support" });
    const step = await db.careStep.findFirstOrThrow({ where: { plan: { clientId }, assetId: group.id } });
    expect(step.owner).toBe("CLIENT");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "care.peer_support_connected", subjectId: clientId } });
    expect(JSON.stringify(audit.metadata)).not.toContain("reunión");

    const printed = await settle(() => copy.loader({ request: requester.get(`/clients/${clientId}/plan/copy`), params: { clientId }, context: {} }));
    const { copy: written, printedOn } = printed.body as { copy: WrittenCopy; printedOn: string };
    const html = renderToStaticMarkup(createElement(WrittenCopyDocument, { copy: written, t: translatorForLocale("es"), printedOn }));
    expect(html).toContain("Ir a una reunión del grupo");
    expect(html).toContain("Grupo: Círculo de Caminantes");
    expect(html).toContain("Cómo comunicarse con el grupo:");
    expect(html).toContain("Teléfono: 555-0199");
    expect(html).toContain("Dónde: 12 Main St");
    expect(html).toMatch(/Cuándo: [^<]*18:00–19:00/);
  });
});
