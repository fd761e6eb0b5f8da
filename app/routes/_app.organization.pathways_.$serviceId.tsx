import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { parseParams } from "~/utils/params.server";
import { IssueLinkSchema, PathwaySchema, RevokeLinkSchema, ServiceIdParamSchema } from "~/modules/pathway/schemas";
import { getPathwayForEditor, issueLink, revokeLink, savePathway } from "~/modules/pathway/service.server";
import { PathwayEditor, type EditorResult } from "~/components/pathway/pathway-editor";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta<typeof loader>("pathways.titles.editor", ({ data }) => data?.service.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "directory:edit");
  const { serviceId } = parseParams(params, ServiceIdParamSchema);
  return { ...(await getPathwayForEditor({ actor, serviceId })), origin: new URL(request.url).origin };
}

const EditorActionSchema = z.discriminatedUnion("intent", [PathwaySchema, IssueLinkSchema, RevokeLinkSchema]);

export async function action({ request, params }: ActionFunctionArgs): Promise<EditorResult & FormErrors> {
  const actor = await requireActor(request, "directory:edit");
  const { serviceId } = parseParams(params, ServiceIdParamSchema);
  const input = parseForm(await request.formData(), EditorActionSchema);
  const origin = new URL(request.url).origin;
  if (input.intent === "save-pathway") {
    await savePathway({ actor, serviceId, input, origin });
    return { saved: true };
  }
  if (input.intent === "issue-link") {
    const { token, link } = await issueLink({ actor, serviceId, input });
    return { issued: { practiceName: link.practiceName, url: `${origin}/refer/${token}` } };
  }
  await revokeLink({ actor, linkId: input.linkId });
  return { revoked: true };
}

export default function PathwayEditorPage() {
  return <PathwayEditor {...useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
