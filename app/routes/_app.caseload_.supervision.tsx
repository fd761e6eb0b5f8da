import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/guard.server";
import { getSupervision } from "~/modules/care/supervision.server";
import { CONTACT_LIMITS } from "~/modules/care/contact-schemas";
import { Supervision } from "~/components/care/supervision";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.careSupervision");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "care:supervise");
  return { ...(await getSupervision({ actor })), staleDays: CONTACT_LIMITS.reviewStaleDays };
}

export default function SupervisionPage() {
  const data = useLoaderData<typeof loader>();
  return <Supervision {...data} />;
}
