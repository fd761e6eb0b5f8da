import { z } from "zod";
import { uuid } from "~/utils/form-fields";
import { parseParams } from "~/utils/params.server";
import { httpErrorResponse } from "~/utils/http-errors.server";

/** Runs a loader's service calls; an AppError (404 for another organization's conference, 403 …) becomes that HTTP response (the one mapper, ADR 060). */
export async function orHttpError<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw httpErrorResponse(error);
  }
}

const ConferenceParams = z.object({ conferenceId: uuid() });
/** The `$conferenceId` route param, parsed at the edge: not a UUID is a 404 (ADR 060). */
export const conferenceIdOf = (params: unknown) => parseParams(params, ConferenceParams).conferenceId;
