import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/utils/auth.server";
import { ReferralListFilterSchema } from "~/modules/referral/schemas";
import { listReferrals } from "~/modules/referral/queries.server";
import { requireReferralActor } from "~/modules/referral/pages.server";
import { ReferralList, ReferralTabs } from "~/components/referral/referral-list";
import { useReferralLive } from "~/components/referral/use-referral-live";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta: MetaFunction = () => [{ title: "Referrals · Coalition Hub" }];

/** The inbox: referrals sent to my organization. */
export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requireUser(request);
  if (!signedIn.permissions.has("referrals:receive") && signedIn.permissions.has("referrals:send")) throw redirect("/referrals/sent");
  const { auth, actor } = await requireReferralActor(request, "referrals:receive");
  const filter = ReferralListFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listReferrals({ actor, box: "inbox", filter, coalitionId: auth.coalition?.id ?? null });
  return { list, organization: auth.organization.name, canSend: auth.permissions.has("referrals:send") };
}

export default function ReferralInbox() {
  const { t } = useTranslation();
  const { list, organization, canSend } = useLoaderData<typeof loader>();
  useReferralLive();
  return (
    <div className="stack">
      <header className="page-header page-header--actions referral-page-header">
        <div>
          <h1>{t("referral.title")}</h1>
          <p className="muted">{t("referral.list.inbox.intro", { organization })}</p>
        </div>
        {canSend ? <Link to="/referrals/new" className="button button--primary">{t("referral.list.newReferral")}</Link> : null}
      </header>
      <ReferralTabs canReceive canSend={canSend} />
      <h2 className="visually-hidden">{t("referral.tabs.inbox")}</h2>
      <ReferralList box="inbox" data={list} />
    </div>
  );
}
