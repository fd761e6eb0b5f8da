import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReferralListFilterSchema } from "~/modules/referral/schemas";
import { listReferrals } from "~/modules/referral/queries.server";
import { requireReferralActor } from "~/modules/referral/pages.server";
import { ReferralList, ReferralTabs } from "~/components/referral/referral-list";
import { useReferralLive } from "~/components/referral/use-referral-live";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta: MetaFunction = () => [{ title: "Sent referrals · Coalition Hub" }];

/** The outbox: referrals my organization sent, with their live status. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { auth, actor } = await requireReferralActor(request, "referrals:send");
  const filter = ReferralListFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listReferrals({ actor, box: "outbox", filter, coalitionId: auth.coalition?.id ?? null });
  return { list, organization: auth.organization.name, canReceive: auth.permissions.has("referrals:receive") };
}

export default function ReferralOutbox() {
  const { t } = useTranslation();
  const { list, organization, canReceive } = useLoaderData<typeof loader>();
  useReferralLive();
  return (
    <div className="stack">
      <header className="page-header page-header--actions referral-page-header">
        <div>
          <h1>{t("referral.title")}</h1>
          <p className="muted">{t("referral.list.outbox.intro", { organization })}</p>
        </div>
        <Link to="/referrals/new" className="button button--primary">{t("referral.list.newReferral")}</Link>
      </header>
      <ReferralTabs canReceive={canReceive} canSend />
      <h2 className="visually-hidden">{t("referral.tabs.outbox")}</h2>
      <ReferralList box="outbox" data={list} />
    </div>
  );
}
