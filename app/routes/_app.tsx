import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError, isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { navFor } from "~/utils/permissions";
import { AppHeader, type ShellUser } from "~/components/shell/app-header";
import { LiveNotifications } from "~/components/shell/live-notifications";
import { ErrorPage } from "~/components/ui/error-page";
import { awaitingResponseCount } from "~/modules/referral/pages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, null, "user");
  const user: ShellUser = {
    name: actor.userName,
    email: actor.userEmail,
    organization: actor.organizationId && actor.organizationName && actor.organizationRole ? { id: actor.organizationId, name: actor.organizationName, role: actor.organizationRole } : null,
    organizations: actor.organizations.map((o) => ({ id: o.id, name: o.name, role: o.role })),
    coalition: actor.coalitionName ? { name: actor.coalitionName } : null,
    isConvener: actor.isConvener,
    nav: navFor({ permissions: actor.permissions, organization: !!actor.organizationId, coalition: !!actor.coalitionId }),
  };
  // Referrals waiting for this organization to accept or decline (the navigation's badge).
  const referralsAwaiting = actor.organizationId && actor.permissions.has("referrals:receive") ? await awaitingResponseCount(actor.organizationId) : 0;
  return { user, referralsAwaiting };
}

export default function AppLayout() {
  const { user, referralsAwaiting } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link">{t("a11y.skipToContent")}</a>
      <AppHeader user={user} referralsAwaiting={referralsAwaiting} />
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <LiveNotifications organizationId={user.organization?.id ?? null} />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
