import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { parseParams } from "~/utils/params.server";
import { CreateIntakeClientSchema, ExternalReferralIdSchema, LinkAuthorizationSchema, MatchClientSchema, RespondIntakeSchema } from "~/modules/pathway/schemas";
import { createIntakeClient, getIntake, linkIntakeAuthorization, matchIntakeClient, respondToIntake } from "~/modules/pathway/intake.server";
import { IntakePage, type IntakeResult } from "~/components/pathway/intake-page";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("pathways.titles.intake");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "referrals:receive");
  const { externalReferralId } = parseParams(params, ExternalReferralIdSchema);
  return { intake: await getIntake({ actor, id: externalReferralId }) };
}

const IntakeActionSchema = z.discriminatedUnion("intent", [MatchClientSchema, CreateIntakeClientSchema, LinkAuthorizationSchema, RespondIntakeSchema]);

export async function action({ request, params }: ActionFunctionArgs): Promise<IntakeResult & FormErrors> {
  const actor = await requireActor(request, "referrals:receive");
  const { externalReferralId: id } = parseParams(params, ExternalReferralIdSchema);
  const input = parseForm(await request.formData(), IntakeActionSchema);
  switch (input.intent) {
    case "match-client":
      await matchIntakeClient({ actor, id, clientId: input.clientId });
      return { done: "matched" };
    case "create-client": {
      const result = await createIntakeClient({ actor, id, confirmNotDuplicate: input.confirmNotDuplicate });
      return result.status === "registered" ? { done: "matched" } : { duplicatesShown: true };
    }
    case "link-authorization":
      await linkIntakeAuthorization({ actor, id, authorizationId: input.authorizationId });
      return { done: "authorized" };
    case "respond":
      await respondToIntake({ actor, id, input });
      return { done: "answered" };
  }
}

export default function ExternalReferralPage() {
  return <IntakePage {...useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
