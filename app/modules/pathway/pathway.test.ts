/**
 * Referral pathways on a real database (issue #16, ADR 103): publishing fills the HSDS fields; a
 * practice link's lifecycle (issue, use, revoke, expire) with no enumeration; the public form's
 * attestation, honeypot, fill time and limits; intake matching by the duplicate check; the
 * one-week clock; and another organization refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { isAppError } from "~/utils/app-error";
import type { Actor } from "~/modules/auth/actor";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, createAuthorization, createClient } from "../../../tests/consent-factories";
import { createService } from "../../../tests/referral-factories";
import { ExternalReferralSchema } from "./schemas";
import { findOpenLink, getPathwayForEditor, getPublicPathway, issueLink, revokeLink, savePathway } from "./service.server";
import { submitExternalReferral } from "./submit.server";
import { createIntakeClient, getIntake, linkIntakeAuthorization, listIntake, matchIntakeClient, respondToIntake } from "./intake.server";
import { signFormToken } from "./tokens.server";
import { oneWeekClock } from "./clock";

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { status: error.status, message: error.message, fields: Object.keys(error.fieldErrors ?? {}) };
    throw error;
  }
  throw new Error("expected a refusal");
}

const PATHWAY = {
  forWhomEn: "Adults with two or more chronic conditions", forWhomEs: "Adultos con dos o más condiciones crónicas",
  notForEn: "People in crisis: call 988", notForEs: "Personas en crisis: llame al 988",
  whatToSendEn: "The latest visit note", whatToSendEs: "La última nota de visita",
  responseDays: 7, contactName: "Intake desk", contactPhone: "555-0100", contactEmail: "intake@example.test", publish: true,
};
const CLIENT = { clientName: "Rosa Delgado", birthDate: "1961-04-02", contact: "555-0199", sdohCode: "food-insecurity" as const, reason: "Lost SNAP benefits last month", providerName: "Dr. Ana Ruiz", providerPhone: "555-0142", attested: "on" as const, website: "" };
const REQUEST = { ipAddress: "203.0.113.9", userAgent: "vitest" };

describe("referral pathways", () => {
  let world: Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
  let director: Actor;
  let cm: Actor;
  let otherDirector: Actor;
  let serviceId: string;
  const ago = (ms: number, at = new Date()) => new Date(at.getTime() - ms);

  async function form(token: string, at = new Date()) {
    const link = await findOpenLink(token, at);
    if (!link) throw new Error("link not open");
    return { ...CLIENT, formToken: signFormToken(link.id, ago(10_000, at)) };
  }
  async function newLink(practiceName: string, days = 365) {
    return issueLink({ actor: director, serviceId, input: { practiceName, days } });
  }

  beforeAll(async () => {
    world = await createTwoOrganizationWorld();
    director = actorFor(world.directorA.id, world.orgA.id, { role: "DIRECTOR" });
    cm = actorFor(world.careManagerA.id, world.orgA.id);
    otherDirector = actorFor(world.directorB.id, world.orgB.id, { role: "DIRECTOR" });
    serviceId = (await createService(world.orgA.id, world.coalition.id, { name: "Care coordination", minimumAge: 18 })).id;
    await savePathway({ actor: director, serviceId, input: PATHWAY, origin: "https://hub.example" });
  });

  it("publishes a pathway to a public page and to the service's HSDS fields; unpublished is not public", async () => {
    const { pathway } = await getPathwayForEditor({ actor: director, serviceId });
    const page = await getPublicPathway(pathway!.slug);
    expect(page?.notForEs).toBe(PATHWAY.notForEs);
    expect(page?.service.minimumAge).toBe(18);
    const service = await db.directoryService.findUniqueOrThrow({ where: { id: serviceId } });
    expect(service.eligibilityDescription).toContain("Not for: People in crisis");
    expect(service.applicationProcess).toContain(`https://hub.example/pathways/${pathway!.slug}`);
    expect(service.applicationProcess).toContain("within 7 days");

    const draftService = await createService(world.orgA.id, world.coalition.id, { name: "Draft" });
    const draft = await savePathway({ actor: director, serviceId: draftService.id, input: { ...PATHWAY, publish: false } });
    expect(await getPublicPathway(draft.slug)).toBeNull();
    expect((await failure(issueLink({ actor: director, serviceId: draftService.id, input: { practiceName: "X", days: 30 } }))).status).toBe(409);
  });

  it("refuses a care manager and another organization's director", async () => {
    expect((await failure(savePathway({ actor: cm, serviceId, input: PATHWAY }))).status).toBe(403);
    expect((await failure(savePathway({ actor: otherDirector, serviceId, input: PATHWAY }))).status).toBe(404);
    expect((await failure(getPathwayForEditor({ actor: otherDirector, serviceId }))).status).toBe(404);
  });

  it("issues, uses, revokes and expires a practice link; unknown, revoked and expired look the same", async () => {
    const { token, link } = await newLink("Valley Family Medicine");
    const stored = await db.practiceReferralLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    // One open link per practice (any case), so every referral is attributed.
    expect((await failure(newLink("valley family medicine"))).fields).toEqual(["practiceName"]);

    const used = await submitExternalReferral({ token, input: await form(token), request: REQUEST, language: "en" });
    expect(used.reference).toMatch(/^PW-[A-Z0-9]{8}$/);
    const row = await db.externalReferral.findFirstOrThrow({ where: { reference: used.reference! } });
    expect(row.linkId).toBe(link.id);
    expect(JSON.stringify(row)).not.toContain("Rosa");
    expect(JSON.stringify(row)).not.toContain("SNAP");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { subjectId: row.id, action: "pathway.external_referral_received" } });
    expect(JSON.stringify(audit.metadata)).not.toContain("Rosa");

    // Another organization cannot revoke it; the director can, once (twice changes nothing).
    expect((await failure(revokeLink({ actor: otherDirector, linkId: link.id }))).status).toBe(404);
    await revokeLink({ actor: director, linkId: link.id });
    await revokeLink({ actor: director, linkId: link.id });
    expect(await db.auditEvent.count({ where: { subjectId: link.id, action: "pathway.link_revoked" } })).toBe(1);

    const revoked = await failure(submitExternalReferral({ token, input: CLIENT as never, request: REQUEST, language: "en" }));
    const unknown = await failure(submitExternalReferral({ token: "A".repeat(43), input: CLIENT as never, request: REQUEST, language: "en" }));
    const { token: expiring } = await newLink("Expiring Clinic", 7);
    const expired = await failure(submitExternalReferral({ token: expiring, input: CLIENT as never, request: REQUEST, language: "en", at: new Date(Date.now() + 8 * 86_400_000) }));
    expect(revoked).toEqual(unknown);
    expect(expired).toEqual(unknown);
    expect(unknown.status).toBe(404);
    expect(await findOpenLink(expiring, new Date(Date.now() + 8 * 86_400_000))).toBeNull();

    // A revoked practice may be issued a new link.
    await newLink("Valley Family Medicine");
    const { pathway } = await getPathwayForEditor({ actor: director, serviceId });
    expect(pathway!.links.map((l) => l.status)).toEqual(expect.arrayContaining(["active", "revoked"]));
  });

  it("refuses a referral without the attestation, with a clear field message", () => {
    const parsed = ExternalReferralSchema.safeParse({ intent: "refer", ...CLIENT, attested: undefined, formToken: `${Date.now()}.${"a".repeat(64)}` });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.flatten().fieldErrors.attested?.[0]).toContain("pathways.errors.attestation");
  });

  it("drops a bot's honeypot submission, refuses a too-fast or forged form, and limits per link and per address", async () => {
    const { token } = await newLink("Bot Target Clinic");
    const before = await db.externalReferral.count();
    const bot = await submitExternalReferral({ token, input: { ...(await form(token)), website: "http://spam.example" }, request: REQUEST, language: "en" });
    expect(bot.reference).toBeNull();
    expect(await db.externalReferral.count()).toBe(before);
    const link = (await findOpenLink(token))!;
    expect((await failure(submitExternalReferral({ token, input: { ...CLIENT, formToken: signFormToken(link.id) }, request: REQUEST, language: "en" }))).status).toBe(400);
    expect((await failure(submitExternalReferral({ token, input: { ...CLIENT, formToken: `${Date.now() - 10_000}.${"0".repeat(64)}` }, request: REQUEST, language: "en" }))).status).toBe(400);

    const limits = { perLink: 3, perAddress: 100 };
    const { token: busy } = await newLink("Busy Clinic");
    const at = new Date(Date.now() + 3 * 3_600_000);
    for (let i = 0; i < 3; i++) await submitExternalReferral({ token: busy, input: await form(busy, at), request: { ipAddress: `198.51.100.${i}` }, language: "en", at, limits });
    expect((await failure(submitExternalReferral({ token: busy, input: await form(busy, at), request: { ipAddress: "198.51.100.77" }, language: "en", at, limits }))).status).toBe(429);

    const perAddress = { perLink: 100, perAddress: 2 };
    const { token: a } = await newLink("Address Clinic A");
    const later = new Date(Date.now() + 6 * 3_600_000);
    await submitExternalReferral({ token: a, input: await form(a, later), request: { ipAddress: "192.0.2.50" }, language: "en", at: later, limits: perAddress });
    await submitExternalReferral({ token: a, input: await form(a, later), request: { ipAddress: "192.0.2.50" }, language: "en", at: later, limits: perAddress });
    expect((await failure(submitExternalReferral({ token: a, input: await form(a, later), request: { ipAddress: "192.0.2.50" }, language: "en", at: later, limits: perAddress }))).status).toBe(429);
  });

  it("lands in the intake queue; staff match by the duplicate check, link the authorization, then answer by the state machine", async () => {
    const existing = await createClient(cm, { name: "Marta Quintero", birthDate: "1950-07-15" });
    const { token } = await newLink("Duplicate Check Clinic");
    const { reference } = await submitExternalReferral({ token, input: { ...(await form(token)), clientName: "marta  QUINTERO", birthDate: "1950-07-15" }, request: { ipAddress: "192.0.2.10" }, language: "es" });
    const { rows } = await listIntake({ actor: cm });
    const row = rows.find((r) => r.reference === reference)!;
    expect(row).toMatchObject({ practiceName: "Duplicate Check Clinic", attested: true, matched: false, status: "REQUESTED" });
    expect(JSON.stringify(row)).not.toContain("Quintero");

    const view = await getIntake({ actor: cm, id: row.id });
    expect(view.duplicates.map((d) => d.id)).toEqual([existing]);
    expect(view.details.reason).toBe(CLIENT.reason);

    // Accepting before the authorization is refused; "not a good fit" needs its reason.
    expect((await failure(respondToIntake({ actor: cm, id: row.id, input: { status: "ACCEPTED" } }))).status).toBe(409);
    expect((await failure(linkIntakeAuthorization({ actor: cm, id: row.id, authorizationId: crypto.randomUUID() }))).status).toBe(409);
    expect((await createIntakeClient({ actor: cm, id: row.id })).status).toBe("possible-duplicates");

    await matchIntakeClient({ actor: cm, id: row.id, clientId: existing });
    expect((await failure(matchIntakeClient({ actor: cm, id: row.id, clientId: existing }))).status).toBe(409);
    const { authorizationId } = await createAuthorization(cm, existing, { recipientIds: [world.orgB.id] });
    await linkIntakeAuthorization({ actor: cm, id: row.id, authorizationId });
    const accepted = await respondToIntake({ actor: cm, id: row.id, input: { status: "ACCEPTED" } });
    expect(accepted.status).toBe("ACCEPTED");
    expect((await failure(respondToIntake({ actor: cm, id: row.id, input: { status: "ACCEPTED" } }))).status).toBe(409);

    // A new person: the duplicate check finds nobody, a client is registered and linked.
    const { reference: second } = await submitExternalReferral({ token, input: { ...(await form(token)), clientName: "Nuevo Paciente", birthDate: "1999-01-01" }, request: { ipAddress: "192.0.2.11" }, language: "es" });
    const secondRow = (await listIntake({ actor: cm })).rows.find((r) => r.reference === second)!;
    const created = await createIntakeClient({ actor: cm, id: secondRow.id });
    expect(created.status).toBe("registered");
    const client = await db.client.findFirstOrThrow({ where: { id: (created as { clientId: string }).clientId } });
    expect(client.preferredLanguage).toBe("es");
    expect((await db.externalReferral.findUniqueOrThrow({ where: { id: secondRow.id } })).clientId).toBe(client.id);
    const refusal = await failure(respondToIntake({ actor: cm, id: secondRow.id, input: { status: "REJECTED", reason: "NOT_A_GOOD_FIT" } }));
    expect(refusal.fields).toEqual(["reasonText"]);
    expect((await respondToIntake({ actor: cm, id: secondRow.id, input: { status: "REJECTED", reason: "NOT_A_GOOD_FIT", reasonText: "Needs housing first" } })).status).toBe("REJECTED");
  });

  it("keeps another organization out of the intake queue", async () => {
    const { token } = await newLink("Isolation Clinic");
    const { reference } = await submitExternalReferral({ token, input: await form(token), request: { ipAddress: "192.0.2.20" }, language: "en" });
    const id = (await db.externalReferral.findFirstOrThrow({ where: { reference: reference! } })).id;
    const other = actorFor(world.directorB.id, world.orgB.id, { role: "DIRECTOR" });
    expect((await listIntake({ actor: other })).rows.some((r) => r.id === id)).toBe(false);
    expect((await failure(getIntake({ actor: other, id }))).status).toBe(404);
    expect((await failure(respondToIntake({ actor: other, id, input: { status: "REJECTED", reason: "NO_CAPACITY" } }))).status).toBe(404);
    expect((await failure(matchIntakeClient({ actor: other, id, clientId: crypto.randomUUID() }))).status).toBe(404);
  });
});

describe("the one-week clock", () => {
  const received = new Date("2026-11-02T15:00:00Z");
  const day = 86_400_000;
  it.each([
    { label: "just received", at: received, respondedAt: null, overdue: false, daysLeft: 7 },
    { label: "day six", at: new Date(received.getTime() + 6 * day), respondedAt: null, overdue: false, daysLeft: 1 },
    { label: "exactly seven days", at: new Date(received.getTime() + 7 * day), respondedAt: null, overdue: false, daysLeft: 0 },
    { label: "a minute past", at: new Date(received.getTime() + 7 * day + 60_000), respondedAt: null, overdue: true, daysLeft: -0 },
    { label: "ten days, unanswered", at: new Date(received.getTime() + 10 * day), respondedAt: null, overdue: true, daysLeft: -3 },
    { label: "ten days, answered on day 3", at: new Date(received.getTime() + 10 * day), respondedAt: new Date(received.getTime() + 3 * day), overdue: false, daysLeft: -3 },
  ])("$label", ({ at, respondedAt, overdue, daysLeft }) => {
    const clock = oneWeekClock({ receivedAt: received, respondedAt }, at);
    expect(clock.dueAt.toISOString()).toBe("2026-11-09T15:00:00.000Z");
    expect(clock.overdue).toBe(overdue);
    expect(clock.daysLeft).toBe(daysLeft);
  });
});
