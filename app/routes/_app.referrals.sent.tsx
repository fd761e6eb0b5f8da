import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/guard.server";
import { loadReferralListPage } from "~/modules/referral/pages.server";
import { ReferralListPage } from "~/components/referral/referral-list";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.sentReferrals");

/** The outbox: referrals my organization sent, with their live status. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "referrals:send");
  return loadReferralListPage({ actor, box: "outbox", query: Object.fromEntries(new URL(request.url).searchParams) });
}

export default function ReferralOutbox() {
  return <ReferralListPage {...useLoaderData<typeof loader>()} />;
}
