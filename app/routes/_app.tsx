import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError, isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/utils/auth.server";
import { navFor } from "~/utils/permissions";
import { AppHeader, type ShellUser } from "~/components/shell/app-header";
import { LiveNotifications } from "~/components/shell/live-notifications";
import { ErrorPage } from "~/components/ui/error-page";
import { awaitingResponseCount } from "~/modules/referral/pages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireUser(request);
  const user: ShellUser = {
    name: auth.user.name,
    email: auth.user.email,
    organization: auth.organization ? { id: auth.organization.id, name: auth.organization.name, role: auth.organization.role } : null,
    organizations: auth.organizations.map((o) => ({ id: o.id, name: o.name, role: o.role })),
    coalition: auth.coalition ? { name: auth.coalition.name } : null,
    isConvener: auth.isConvener,
    nav: navFor({ permissions: auth.permissions, organization: !!auth.organization, coalition: !!auth.coalition }),
  };
  // Referrals waiting for this organization to accept or decline (the navigation's badge).
  const referralsAwaiting = auth.organization && auth.permissions.has("referrals:receive") ? await awaitingResponseCount(auth.organization.id) : 0;
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
