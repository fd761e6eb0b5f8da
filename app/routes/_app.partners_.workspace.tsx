import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm } from "~/utils/forms.server";
import { AddNextStepSchema, MarkNextStepDoneSchema } from "~/modules/partnership/schemas";
import { addPartnershipNextStep, markPartnershipNextStepDone, nextStepsByOwner } from "~/modules/next-steps/service.server";
import { AddAgreementSchema, AddDecisionSchema, SetStageSchema, StakeholderAnalysisSchema } from "~/modules/partnership/schemas";
import { addAgreement, addDecision, addStakeholderAnalysis, getWorkspace, setRelationshipStage } from "~/modules/partnership/service.server";
import { PartnershipWorkspace, type WorkspaceResult } from "~/components/partnership/workspace";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.workspace");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:admin", "coalition");
  const [workspace, nextSteps] = await Promise.all([getWorkspace(actor.coalitionId), nextStepsByOwner(actor.coalitionId)]);
  return { ...workspace, nextSteps };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "coalition:admin", "coalition");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "add-analysis") {
    const { heldOn, rows } = parseForm(formData, StakeholderAnalysisSchema);
    await addStakeholderAnalysis({ actor, heldOn, rows });
    return { done: "add-analysis" };
  }
  if (intent === "add-next-step") {
    const { intent: _intent, ...input } = parseForm(formData, AddNextStepSchema);
    await addPartnershipNextStep({ actor, input });
    return { done: "add-next-step" };
  }
  if (intent === "next-step-done") {
    const { nextStepId } = parseForm(formData, MarkNextStepDoneSchema);
    await markPartnershipNextStepDone({ actor, nextStepId, isConvener: actor.isConvener });
    return { done: "next-step-done" };
  }
  if (intent === "add-agreement") {
    const { intent: _intent, ...input } = parseForm(formData, AddAgreementSchema);
    await addAgreement({ actor, input });
    return { done: "add-agreement" };
  }
  const input = parseForm(formData, z.discriminatedUnion("intent", [SetStageSchema, AddDecisionSchema]));
  if (input.intent === "set-stage") await setRelationshipStage({ actor, organizationId: input.organizationId, stage: input.stage });
  else {
    const { intent: _i, ...rest } = input;
    await addDecision({ actor, input: rest });
  }
  return { done: input.intent };
}

export default function Workspace() {
  return <PartnershipWorkspace data={useLoaderData<typeof loader>()} actionData={useActionData<WorkspaceResult>()} />;
}
