import { z } from "zod";
import { uuid } from "~/utils/form-fields";
import { parseParams } from "~/utils/params.server";

const ConferenceParams = z.object({ conferenceId: uuid() });
/** The `$conferenceId` route param, parsed at the edge: not a UUID is a 404 (ADR 060). */
export const conferenceIdOf = (params: unknown) => parseParams(params, ConferenceParams).conferenceId;
