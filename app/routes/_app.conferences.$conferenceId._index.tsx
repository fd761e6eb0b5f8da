import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ConferenceRoom } from "~/components/conference/conference-room";
import { requireActor } from "~/modules/auth/guard.server";
import { conferenceIdOf } from "~/modules/conference/http.server";
import { cancelConference, getConference } from "~/modules/conference/scheduling.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { uuid } from "~/utils/form-fields";
import { coalitionTimeZone } from "~/modules/conference/queries.server";
import { CancelConferenceSchema } from "~/modules/conference/schemas";
import { awaitingSecondReader, secondReaderRequired } from "~/modules/conference/second-reader.server";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta<typeof loader>("titles.conference", ({ data }) => data?.conference.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "conferences:join");
  const detail = await getConference({ conferenceId: conferenceIdOf(params), actor });
  const [timeZone, secondReader, awaiting] = await Promise.all([
    coalitionTimeZone(detail.conference.coalitionId),
    secondReaderRequired(detail.conference.id),
    awaitingSecondReader({ actor, conferenceId: detail.conference.id }),
  ]);
  return {
    conference: {
      id: detail.conference.id,
      title: detail.conference.title,
      agenda: detail.conference.agenda,
      startsAt: detail.conference.startsAt.toISOString(),
      status: detail.conference.status,
    },
    cancelled: detail.cancelled ? { at: detail.cancelled.at.toISOString(), byName: detail.cancelled.byName } : null,
    host: detail.host,
    isHost: detail.isHost,
    canCancel: detail.isHost && !detail.cancelled && detail.conference.status !== "ENDED" && actor.permissions.has("conferences:host"),
    organizations: detail.organizations,
    vignettes: detail.vignettes.map((v) => ({
      id: v.id, title: v.title, situation: v.situation, strengths: v.strengths, needs: v.needs, tried: v.tried, question: v.question,
      sdohCategories: v.sdohCategories, authorName: v.authorName, shared: !!v.sharedAt, mine: v.authorId === actor.userId,
      withdrawnByName: v.sharedAt ? null : v.withdrawnByName,
      waitingForSecondReader: secondReader && !v.sharedAt && !v.approvedAt,
    })),
    messages: detail.messages,
    nextSteps: detail.nextSteps,
    me: { userId: actor.userId, name: actor.userName, organizationId: actor.organizationId },
    timeZone,
    awaiting,
    justShared: new URL(request.url).searchParams.get("shared") === "1",
  };
}

/** The host cancels the conference (the form is behind a confirmation dialog). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "conferences:host");
  const conferenceId = uuid().safeParse(params.conferenceId);
  if (!conferenceId.success) throw new Response("Not found", { status: 404 });
  parseForm(await request.formData(), CancelConferenceSchema);
  await cancelConference({ actor, conferenceId: conferenceId.data });
  return {};
}

export default function ConferenceRoomPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  return <ConferenceRoom data={data} formError={actionData?.formError} />;
}
