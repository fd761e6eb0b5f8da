import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/guard.server";
import { parseSearchParams } from "~/utils/params.server";
import { CaseloadQuerySchema } from "~/modules/care/schemas";
import { getOutreachDue } from "~/modules/care/queries.server";
import { getHuddleCaseload } from "~/modules/care/caseload.server";
import { Caseload } from "~/components/care/caseload";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.caseload");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "care:read");
  const { q, page } = await parseSearchParams(request, CaseloadQuerySchema);
  const [caseload, outreach] = await Promise.all([getHuddleCaseload({ actor, q, page }), getOutreachDue({ actor })]);
  return { caseload, outreach, q: q ?? "" };
}

export default function CaseloadPage() {
  const { caseload, outreach, q } = useLoaderData<typeof loader>();
  return <Caseload caseload={caseload} outreach={outreach} q={q} />;
}
