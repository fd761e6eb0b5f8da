import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/guard.server";
import { loadReferralListPage } from "~/modules/referral/pages.server";
import { ReferralListPage } from "~/components/referral/referral-list";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.referrals");

/** The inbox: referrals sent to my organization (someone who can only send lands on the outbox). */
export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requireActor(request, null, "user");
  if (!signedIn.permissions.has("referrals:receive") && signedIn.permissions.has("referrals:send")) throw redirect("/referrals/sent");
  const actor = await requireActor(request, "referrals:receive");
  return loadReferralListPage({ actor, box: "inbox", query: Object.fromEntries(new URL(request.url).searchParams) });
}

export default function ReferralInbox() {
  return <ReferralListPage {...useLoaderData<typeof loader>()} />;
}
