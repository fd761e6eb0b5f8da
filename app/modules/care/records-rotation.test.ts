/** The assessment's words, a goal's notes and the care team are covered by key rotation and the start-up lost-key check (issue #15, ADR 100). */
import { describe, expect, it } from "vitest";
import { installFreshFieldKey, rotateAwayFrom, isolateKeyRotationTests } from "../../../tests/field-keys";
import { db } from "~/utils/db.server";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { actorFor, createClient, isoDay } from "../../../tests/consent-factories";
import { addGoal, enrollClient } from "./service.server";
import { getAssessment, saveAssessmentSection } from "./assessment.server";
import { addProgressNote, getGoalEntries } from "./goal-entries.server";
import { addTeamMember, getCareTeam } from "./team.server";

describe("this slice's text and the field keys", () => {
  isolateKeyRotationTests();

  it("rotation re-encrypts assessment sections, goal notes and team members; the old key is then not needed", async () => {
    const oldKey = installFreshFieldKey();
    const world = await createTwoOrganizationWorld();
    const cm = actorFor(world.careManagerA.id, world.orgA.id);
    const clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const { entryId } = await saveAssessmentSection({ actor: cm, clientId, input: { section: "WHAT_MATTERS", sdohCodes: [], text: "My garden", completedOn: isoDay(0) } });
    const { goalId } = await addGoal({ actor: cm, clientId, input: { text: "Walk to the park" } });
    const { entryId: noteId } = await addProgressNote({ actor: cm, clientId, input: { goalId, text: "Walked halfway" } });
    const { teamMemberId } = await addTeamMember({ actor: cm, clientId, input: { memberOrganizationId: world.orgA.id, name: "Sam Lee", role: "Peer specialist" } });
    const before = {
      section: await db.careAssessmentEntry.findUniqueOrThrow({ where: { id: entryId } }),
      note: await db.careGoalEntry.findUniqueOrThrow({ where: { id: noteId } }),
      member: await db.careTeamMember.findUniqueOrThrow({ where: { id: teamMemberId } }),
    };

    const { keyId: target } = await rotateAwayFrom(oldKey, before.section.keyId);
    const section = await db.careAssessmentEntry.findUniqueOrThrow({ where: { id: entryId } });
    const note = await db.careGoalEntry.findUniqueOrThrow({ where: { id: noteId } });
    const member = await db.careTeamMember.findUniqueOrThrow({ where: { id: teamMemberId } });
    expect([section.keyId, note.keyId, member.keyId]).toEqual([target, target, target]);
    expect(section.textCipher).not.toBe(before.section.textCipher);
    expect(note.textCipher).not.toBe(before.note.textCipher);
    expect(member.nameCipher).not.toBe(before.member.nameCipher);
    expect(member.roleCipher).not.toBe(before.member.roleCipher);
    expect((await getAssessment({ actor: cm, clientId }))?.sections.WHAT_MATTERS?.text).toBe("My garden");
    expect((await getGoalEntries({ actor: cm, clientId }))[goalId].progressNotes[0].text).toBe("Walked halfway");
    expect((await getCareTeam({ actor: cm, clientId }))[0]).toMatchObject({ name: "Sam Lee", role: "Peer specialist" });
  });
});
