import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { SwitchOrganizationSchema } from "~/modules/auth/schemas";
import { safeRedirect } from "~/utils/safe-redirect";
import { switchOrganization } from "~/modules/auth/service.server";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm } from "~/utils/forms.server";

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, null, "user");
  const { organizationId, redirectTo } = parseForm(await request.formData(), SwitchOrganizationSchema);
  await switchOrganization({ actor, organizationId });
  return redirect(safeRedirect(redirectTo));
}

export async function loader() {
  return redirect("/home");
}
