import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { detectIdentifiers } from "~/modules/deid/detect.server";
import { actorFor, createClient } from "../../../tests/consent-factories";
import { createOrganization, createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import { addNextStep, markNextStepDone, overdueNextSteps } from "./next-steps.server";
import { hiddenMessages, hideMessage, messagesSince, postMessage } from "./chat.server";
import { endConference, getConference, listConferences, scheduleConference } from "./scheduling.server";
import { requireConferenceAccess } from "./service.server";
import { dismissFinding, saveVignette, shareVignette, withdrawVignette } from "./vignettes.server";
import { translatorForLocale } from "~/i18n/translators";
import { toHttpError } from "~/utils/http-errors.server";

const request = { ipAddress: "127.0.0.1", userAgent: "vitest" };

async function world() {
  const w = await createTwoOrganizationWorld();
  // A third partner of the same coalition that is not invited.
  const orgC = await createOrganization({ coalitionId: w.coalition.id, name: "Org C" });
  const directorC = await createUser({ name: "Director C", memberships: [{ organizationId: orgC.id, role: "DIRECTOR" }] });
  const a = actorFor(w.directorA.id, w.orgA.id, { userName: "Director A", request });
  const b = actorFor(w.directorB.id, w.orgB.id, { userName: "Director B", request });
  const c = actorFor(directorC.id, orgC.id, { userName: "Director C", request });
  const conference = await scheduleConference({
    actor: a,
    coalitionId: w.coalition.id,
    input: { title: "Housing case review", startsAt: "2030-01-15T17:00:00Z", agenda: "Two vignettes", audience: "organizations", organizationIds: [w.orgB.id] },
  });
  return { ...w, orgC, a, b, c, conference };
}

const cleanVignette = {
  title: "Older man, stairs and oxygen",
  situation: "An 81-year-old man with COPD lives with his wife in a second-floor walk-up.",
  strengths: "Wife is engaged; both active in their congregation.",
  needs: "A ground-floor unit and help with the electric bill.",
  tried: "LEAP application (denied).",
  question: "Are there medical-need exemptions we are missing?",
  sdohCategories: ["housing", "utilities"] as ("housing" | "utilities")[],
};

describe("conference access", () => {
  it("the host and invited organizations see it; another organization of the coalition gets a 404", async () => {
    const w = await world();
    await expect(requireConferenceAccess(w.conference.id, w.orgA.id)).resolves.toMatchObject({ id: w.conference.id });
    await expect(requireConferenceAccess(w.conference.id, w.orgB.id)).resolves.toMatchObject({ id: w.conference.id });
    await expect(requireConferenceAccess(w.conference.id, w.orgC.id)).rejects.toMatchObject({ status: 404 });
    await expect(getConference({ conferenceId: w.conference.id, actor: w.c })).rejects.toMatchObject({ status: 404 });
    await expect(postMessage({ actor: w.c, conferenceId: w.conference.id, body: "hello" })).rejects.toMatchObject({ status: 404 });
    expect((await listConferences(w.orgC.id)).upcoming.map((c) => c.id)).not.toContain(w.conference.id);
    expect((await listConferences(w.orgB.id)).upcoming.map((c) => c.id)).toContain(w.conference.id);
  });

  it("a whole-coalition conference is open to every active member organization, not to outsiders", async () => {
    const w = await world();
    const outsider = await createOrganization({ name: "Outside org" });
    const conference = await scheduleConference({
      actor: w.b,
      coalitionId: w.coalition.id,
      input: { title: "Coalition-wide review", startsAt: "2030-02-01T17:00:00Z", agenda: "", audience: "coalition", organizationIds: [] },
    });
    for (const org of [w.orgA, w.orgB, w.orgC]) await expect(requireConferenceAccess(conference.id, org.id)).resolves.toBeTruthy();
    await expect(requireConferenceAccess(conference.id, outsider.id)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses to invite an organization outside the coalition, and writes nothing", async () => {
    const w = await world();
    const outsider = await createOrganization({ name: "Not a partner" });
    const before = await db.conference.count();
    await expect(
      scheduleConference({ actor: w.a, coalitionId: w.coalition.id, input: { title: "x y z", startsAt: "2030-01-01T10:00:00Z", agenda: "", audience: "organizations", organizationIds: [outsider.id] } }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await db.conference.count()).toBe(before);
  });
});

describe("vignettes", () => {
  it("findings block sharing until fixed or dismissed with a reason; the dismissal is recorded", async () => {
    const w = await world();
    const { vignette, findings } = await saveVignette({
      actor: w.a,
      conferenceId: w.conference.id,
      input: { ...cleanVignette, situation: "Maria Gonzalez, 67, lives alone. Call her at (303) 555-0142.", strengths: "Her church is Grace Church." },
    });
    const situation = findings.find((f) => f.field === "situation")!.findings;
    expect(situation.map((f) => f.type).sort()).toEqual(["NAME", "PHONE"]);
    await expect(shareVignette({ actor: w.a, vignetteId: vignette.id, reviewedByAuthor: true })).rejects.toMatchObject({ status: 409 });

    // Fix the phone by editing; dismiss the name as a false alarm with a reason.
    const saved = await saveVignette({
      actor: w.a,
      conferenceId: w.conference.id,
      vignetteId: vignette.id,
      input: { ...cleanVignette, situation: "Maria Gonzalez, 67, lives alone. Call her at [phone]." },
    });
    expect(saved.findings.flatMap((f) => f.findings).map((f) => f.type)).toEqual(["NAME"]);
    await expect(
      dismissFinding({ actor: w.a, input: { vignetteId: vignette.id, field: "situation", type: "NAME", text: "Maria Gonzalez", reason: "a pseudonym we agreed on" } }),
    ).resolves.toBeUndefined();
    // Nothing unresolved, but the author has not confirmed reading it: refused, nothing shared.
    await expect(shareVignette({ actor: w.a, vignetteId: vignette.id, reviewedByAuthor: false })).rejects.toMatchObject({ status: 400 });
    expect((await db.vignette.findUniqueOrThrow({ where: { id: vignette.id } })).sharedAt).toBeNull();
    const shared = await shareVignette({ actor: w.a, vignetteId: vignette.id, reviewedByAuthor: true });
    expect(shared.sharedAt).not.toBeNull();
    const sharedEvent = await db.auditEvent.findFirstOrThrow({ where: { subjectId: vignette.id, action: "conference.vignette_shared" } });
    expect(sharedEvent.metadata).toMatchObject({ reviewedByAuthor: true });
    const dismissal = await db.vignetteDismissal.findFirstOrThrow({ where: { vignetteId: vignette.id } });
    expect(dismissal).toMatchObject({ reason: "a pseudonym we agreed on", dismissedById: w.directorA.id });
    const audit = await db.auditEvent.findFirst({ where: { subjectId: vignette.id, action: "conference.finding_dismissed" } });
    expect(JSON.stringify(audit?.metadata)).not.toContain("Maria");
  });

  it("a participant withdraws a shared vignette: it is its author's draft again, marked, until shared again", async () => {
    const w = await world();
    const { vignette } = await saveVignette({ actor: w.a, conferenceId: w.conference.id, input: cleanVignette });
    // Another person's draft cannot be withdrawn (nor seen); an outsider gets a 404.
    await expect(withdrawVignette({ actor: w.b, conferenceId: w.conference.id, vignetteId: vignette.id })).rejects.toMatchObject({ status: 404 });
    await shareVignette({ actor: w.a, vignetteId: vignette.id, reviewedByAuthor: true });
    await expect(withdrawVignette({ actor: w.c, conferenceId: w.conference.id, vignetteId: vignette.id })).rejects.toMatchObject({ status: 404 });

    expect(await withdrawVignette({ actor: w.b, conferenceId: w.conference.id, vignetteId: vignette.id })).toEqual({ withdrawn: true });
    expect(await withdrawVignette({ actor: w.b, conferenceId: w.conference.id, vignetteId: vignette.id })).toEqual({ withdrawn: false });
    expect((await getConference({ conferenceId: w.conference.id, actor: w.b })).vignettes).toHaveLength(0);
    const own = (await getConference({ conferenceId: w.conference.id, actor: w.a })).vignettes;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ sharedAt: null, withdrawnByName: "Director B" });
    expect(await db.auditEvent.count({ where: { subjectId: vignette.id, action: "conference.vignette_withdrawn" } })).toBe(1);

    // Shared again after the author's read: the mark goes.
    await shareVignette({ actor: w.a, vignetteId: vignette.id, reviewedByAuthor: true });
    expect(await db.vignette.findUniqueOrThrow({ where: { id: vignette.id } })).toMatchObject({ withdrawnAt: null, withdrawnByName: null });
    expect((await getConference({ conferenceId: w.conference.id, actor: w.b })).vignettes.map((v) => v.id)).toEqual([vignette.id]);
  });

  it("only the author edits or shares a vignette; drafts are invisible to others", async () => {
    const w = await world();
    const { vignette } = await saveVignette({ actor: w.a, conferenceId: w.conference.id, input: cleanVignette });
    await expect(saveVignette({ actor: w.b, conferenceId: w.conference.id, vignetteId: vignette.id, input: cleanVignette })).rejects.toMatchObject({ status: 403 });
    await expect(shareVignette({ actor: w.b, vignetteId: vignette.id, reviewedByAuthor: true })).rejects.toMatchObject({ status: 403 });
    await expect(shareVignette({ actor: w.c, vignetteId: vignette.id, reviewedByAuthor: true })).rejects.toMatchObject({ status: 404 });
    expect((await getConference({ conferenceId: w.conference.id, actor: w.b })).vignettes).toHaveLength(0);
    await shareVignette({ actor: w.a, vignetteId: vignette.id, reviewedByAuthor: true });
    expect((await getConference({ conferenceId: w.conference.id, actor: w.b })).vignettes.map((v) => v.id)).toEqual([vignette.id]);
  });
});

describe("live discussion", () => {
  it("holds back a message with an identifier (nothing stored) and numbers the others 1, 2, 3", async () => {
    const w = await world();
    const held = await postMessage({ actor: w.b, conferenceId: w.conference.id, body: "She can be reached at 303-555-0199" });
    expect(held.status).toBe("held");
    expect(held.status === "held" && held.findings.map((f) => f.type)).toEqual(["PHONE"]);
    expect(await db.conferenceMessage.count({ where: { conferenceId: w.conference.id } })).toBe(0);

    const posted = [];
    for (const body of ["Has anyone tried the medical exemption?", "Yes, it took three weeks.", "We can help with the letter."]) {
      const result = await postMessage({ actor: body.startsWith("Yes") ? w.a : w.b, conferenceId: w.conference.id, body });
      expect(result.status).toBe("posted");
      if (result.status === "posted") posted.push(result.message);
    }
    expect(posted.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(posted[0]).toMatchObject({ authorName: "Director B", organizationName: "Org B" });
    expect((await messagesSince(w.conference.id, 1)).map((m) => m.body)).toEqual(["Yes, it took three weeks.", "We can help with the letter."]);
  });

  it("holds back a message naming one of the author's organization's clients, even where the general detector misses it", async () => {
    const w = await world();
    await createClient(actorFor(w.careManagerA.id, w.orgA.id), { name: "María González" });
    const text = "A box went to maria gonzalez at the pantry."; // since deid round 4 "met with maria …" is found by the detector itself
    // Precondition: the general detector misses this (if it learns it, choose another of its misses).
    expect(detectIdentifiers(text)).toEqual([]);
    const held = await postMessage({ actor: w.a, conferenceId: w.conference.id, body: text });
    expect(held.status === "held" && held.findings.map((f) => [f.type, f.text, f.source])).toEqual([["NAME", "maria gonzalez", "clients"]]);
    // Organization B has no such client: its message goes through.
    expect((await postMessage({ actor: w.b, conferenceId: w.conference.id, body: text })).status).toBe("posted");
    // The same check guards vignettes: the finding blocks sharing until fixed or dismissed.
    const { findings } = await saveVignette({ actor: w.a, conferenceId: w.conference.id, input: { ...cleanVignette, tried: text } });
    expect(findings).toEqual([{ field: "tried", findings: [expect.objectContaining({ type: "NAME", text: "maria gonzalez" })] }]);
  });

  it("concurrent messages get distinct, gap-free sequence numbers", async () => {
    const w = await world();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => postMessage({ actor: i % 2 ? w.a : w.b, conferenceId: w.conference.id, body: `point number ${i}` })));
    const seqs = results.map((r) => (r.status === "posted" ? r.message.seq : -1)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("a send retried with the same client message id is stored once, also when the retries race (#17)", async () => {
    const w = await world();
    const first = await postMessage({ actor: w.a, conferenceId: w.conference.id, body: "We can take the family on Monday", clientMessageId: "browser-1" });
    const again = await postMessage({ actor: w.a, conferenceId: w.conference.id, body: "We can take the family on Monday", clientMessageId: "browser-1" });
    expect(first).toMatchObject({ status: "posted" });
    expect(first.status === "posted" && first.replayed).toBeFalsy();
    expect(again).toMatchObject({ status: "posted", replayed: true, message: { seq: first.status === "posted" ? first.message.seq : -1 } });
    const raced = await Promise.all(Array.from({ length: 4 }, () => postMessage({ actor: w.b, conferenceId: w.conference.id, body: "Same answer, sent four times", clientMessageId: "browser-2" })));
    expect(new Set(raced.map((r) => (r.status === "posted" ? r.message.seq : -1))).size).toBe(1);
    // Another author may use the same id: ids are the author's browser's.
    await postMessage({ actor: w.b, conferenceId: w.conference.id, body: "Mine", clientMessageId: "browser-1" });
    expect(await db.conferenceMessage.count({ where: { conferenceId: w.conference.id } })).toBe(3);
    expect((await messagesSince(w.conference.id, 0)).map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it("refuses over-long messages and messages after the host ended the conference", async () => {
    const w = await world();
    await expect(postMessage({ actor: w.a, conferenceId: w.conference.id, body: "x".repeat(2001) })).rejects.toMatchObject({ status: 413 });
    await expect(endConference({ actor: w.b, conferenceId: w.conference.id })).rejects.toMatchObject({ status: 403 });
    await endConference({ actor: w.a, conferenceId: w.conference.id });
    await expect(postMessage({ actor: w.b, conferenceId: w.conference.id, body: "late" })).rejects.toMatchObject({ status: 409 });
    // The socket path (access checked at join) is refused too, under the conference row lock, and stores nothing.
    await expect(postMessage({ actor: w.b, conferenceId: w.conference.id, body: "late", joined: { organizationName: "Org B" } })).rejects.toMatchObject({ status: 409 });
    expect(await db.conferenceMessage.count({ where: { conferenceId: w.conference.id } })).toBe(0);
    expect((await listConferences(w.orgB.id)).past.map((c) => c.id)).toContain(w.conference.id);
  });

  it("a participant hides a message the detector missed: the text is erased for good, audited without it; outsiders cannot", async () => {
    const w = await world();
    const missed = "Talked with her neighbour Dolores about the stairs.";
    await postMessage({ actor: w.a, conferenceId: w.conference.id, body: "Any ideas for a stair lift?" });
    // Store the miss directly: the detector may well catch this name; what is tested here is hiding.
    const { lastMessageSeq } = await db.conference.update({ where: { id: w.conference.id }, data: { lastMessageSeq: { increment: 1 } } });
    await db.conferenceMessage.create({ data: { conferenceId: w.conference.id, seq: lastMessageSeq, authorId: w.directorA.id, authorName: "Director A", organizationId: w.orgA.id, organizationName: "Org A", body: missed } });

    await expect(hideMessage({ actor: w.c, conferenceId: w.conference.id, seq: lastMessageSeq })).rejects.toMatchObject({ status: 404 });
    await expect(hideMessage({ actor: w.b, conferenceId: w.conference.id, seq: 99 })).rejects.toMatchObject({ status: 404 });
    await endConference({ actor: w.a, conferenceId: w.conference.id });
    // Another organization may hide it, also after the conference ended.
    const hidden = await hideMessage({ actor: w.b, conferenceId: w.conference.id, seq: lastMessageSeq });
    expect(hidden).toMatchObject({ seq: lastMessageSeq, body: "", hiddenByName: "Director B" });
    expect(hidden.hiddenAt).not.toBeNull();
    const row = await db.conferenceMessage.findUniqueOrThrow({ where: { conferenceId_seq: { conferenceId: w.conference.id, seq: lastMessageSeq } } });
    expect(row.body).toBe("");
    expect((await messagesSince(w.conference.id, 0)).map((m) => m.body)).toEqual(["Any ideas for a stair lift?", ""]);
    expect((await hiddenMessages(w.conference.id)).map((m) => m.seq)).toEqual([lastMessageSeq]);

    // Hiding again changes nothing and writes no second audit event.
    await hideMessage({ actor: w.a, conferenceId: w.conference.id, seq: lastMessageSeq });
    const events = await db.auditEvent.findMany({ where: { subjectId: w.conference.id, action: "conference.message_hidden" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: w.directorB.id, organizationId: w.orgB.id });
    expect(JSON.stringify(events[0]!.metadata)).not.toContain("Dolores");
    expect((await hideMessage({ actor: w.a, conferenceId: w.conference.id, seq: lastMessageSeq })).hiddenByName).toBe("Director B");
  });
});

describe("next steps", () => {
  it("owners mark them done; overdue ones are listed for the owner organization only", async () => {
    const w = await world();
    const overdue = await addNextStep({ actor: w.a, conferenceId: w.conference.id, input: { what: "Send the exemption letter template", ownerName: "Director B", ownerOrganizationId: w.orgB.id, dueDate: "2020-01-10" } });
    const later = await addNextStep({ actor: w.a, conferenceId: w.conference.id, input: { what: "Check the waitlist", ownerName: "Care team", ownerOrganizationId: w.orgB.id, dueDate: "2099-01-10" } });
    expect((await overdueNextSteps(w.orgB.id)).map((s) => s.id)).toEqual([overdue.id]);
    expect(await overdueNextSteps(w.orgA.id)).toEqual([]);
    await expect(markNextStepDone({ actor: w.a, nextStepId: overdue.id })).rejects.toMatchObject({ status: 403 });
    await expect(markNextStepDone({ actor: w.c, nextStepId: overdue.id })).rejects.toMatchObject({ status: 404 });
    await markNextStepDone({ actor: w.b, nextStepId: overdue.id });
    expect(await overdueNextSteps(w.orgB.id)).toEqual([]);
    expect(later.dueDate).toBe("2099-01-10");
  });

  it("refuses an owner organization that is not taking part, and a step that names someone", async () => {
    const w = await world();
    const outsider = await addNextStep({ actor: w.a, conferenceId: w.conference.id, input: { what: "Call back", ownerName: "C", ownerOrganizationId: w.orgC.id, dueDate: "2030-01-01" } }).then(() => null, (e: unknown) => e);
    expect(toHttpError(outsider, translatorForLocale("en"))).toEqual({ status: 400, message: "The owner must belong to an organization taking part.", fieldErrors: { ownerOrganizationId: ["Not taking part in this conference"] } });
    expect(toHttpError(outsider, translatorForLocale("es"))).toEqual({ status: 400, message: "El responsable debe pertenecer a una organización que participa.", fieldErrors: { ownerOrganizationId: ["No participa en esta conferencia"] } });
    const naming = await addNextStep({ actor: w.a, conferenceId: w.conference.id, input: { what: "Call Mrs. Abernathy at 303-555-0120", ownerName: "Director B", ownerOrganizationId: w.orgB.id, dueDate: "2030-01-01" } }).then(() => null, (e: unknown) => e);
    const spanish = toHttpError(naming, translatorForLocale("es"));
    expect(spanish).toMatchObject({ status: 400, message: "El próximo paso menciona un posible identificador: descríbalo sin él." });
    // Each finding names its kind in the reader's language, then the words found.
    expect(spanish?.fieldErrors?.what?.length).toBeGreaterThan(0);
    for (const finding of spanish?.fieldErrors?.what ?? []) expect(finding).toMatch(/^[^:]+: .+/);
    expect(spanish?.fieldErrors?.what).not.toEqual(toHttpError(naming, translatorForLocale("en"))?.fieldErrors?.what);
    expect(await db.nextStep.count({ where: { conferenceId: w.conference.id } })).toBe(0);
  });
});
