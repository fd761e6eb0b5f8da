/** The identifier check for everything written in a conference: vignettes, messages, next steps. */
import { detectIdentifiers } from "~/modules/deid/detect.server";
import { knownClientNameFindings, mergeFindings } from "~/modules/client/known-names.server";
import type { Finding } from "~/modules/deid/types";

/**
 * The identifier check for texts an organization's staff write: the detector's findings plus the
 * names of the organization's own clients (client/known-names: blind indexes, nothing decrypted).
 */
export async function checkTexts(organizationId: string, texts: string[]): Promise<Finding[][]> {
  const known = await knownClientNameFindings({ organizationId, texts });
  return texts.map((text, i) => mergeFindings(detectIdentifiers(text), known[i] ?? []));
}
