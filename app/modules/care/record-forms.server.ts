/** This slice's forms of the care plan page (ADR 100), applied by the one service function each names. */
import type { Actor } from "~/modules/auth/actor";
import type { CareRecordForm } from "./record-schemas";
import { saveAssessmentSection } from "./assessment.server";
import { addIntervention, addProgressNote } from "./goal-entries.server";
import { addTeamMember, removeTeamMember } from "./team.server";

export async function applyCareRecordForm({ actor, clientId, input }: { actor: Actor; clientId: string; input: CareRecordForm }): Promise<{ done: CareRecordForm["intent"] }> {
  const args = { actor, clientId };
  switch (input.intent) {
    case "save-assessment-section": await saveAssessmentSection({ ...args, input }); break;
    case "add-intervention": await addIntervention({ ...args, input }); break;
    case "add-progress-note": await addProgressNote({ ...args, input }); break;
    case "add-team-member": await addTeamMember({ ...args, input }); break;
    case "remove-team-member": await removeTeamMember({ ...args, input }); break;
  }
  return { done: input.intent };
}
