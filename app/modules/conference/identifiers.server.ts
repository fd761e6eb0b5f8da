/** The identifier check for everything written in a conference: vignettes, messages, next steps. */
import { db } from "~/utils/db.server";
import { detectIdentifiers } from "~/modules/deid/detect.server";
import { coalitionGazetteer } from "~/modules/deid/coalition-gazetteer.server";
import { knownClientNameFindings, mergeFindings } from "~/modules/client/known-names.server";
import type { Finding } from "~/modules/deid/types";

/**
 * The identifier check for texts an organization's staff write: the detector's findings plus the
 * names of the organization's own clients (client/known-names: blind indexes, nothing decrypted),
 * and, given the conference's coalition, the places of the coalition's own directory (ADR 088).
 */
export async function checkTexts(organizationId: string, texts: string[], coalitionId?: string): Promise<Finding[][]> {
  const [known, gazetteer] = await Promise.all([knownClientNameFindings({ organizationId, texts }), coalitionId ? coalitionGazetteer(coalitionId) : undefined]);
  return texts.map((text, i) => mergeFindings(detectIdentifiers(text, { gazetteer }), known[i] ?? []));
}

/** The coalition a conference belongs to (its directory is the gazetteer of the check). */
export async function coalitionOf(conferenceId: string) {
  return (await db.conference.findUnique({ where: { id: conferenceId }, select: { coalitionId: true } }))?.coalitionId;
}
