import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/utils/auth.server";
import { ComingSoon } from "~/components/ui/coming-soon";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta: MetaFunction = () => [{ title: "Clients · Coalition Hub" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function ClientsPage() {
  return <ComingSoon area="clients" />;
}
