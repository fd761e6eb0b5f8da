import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { SwitchOrganizationSchema } from "~/modules/auth/schemas";
import { safeRedirect } from "~/utils/safe-redirect";
import { switchOrganization } from "~/modules/auth/service.server";
import { requireUser } from "~/utils/auth.server";
import { handleForm } from "~/utils/forms.server";
import { requestMeta } from "~/utils/request.server";

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireUser(request);
  return handleForm(await request.formData(), SwitchOrganizationSchema, async ({ organizationId, redirectTo }) => {
    await switchOrganization({ auth, organizationId, request: requestMeta(request) });
    return redirect(safeRedirect(redirectTo));
  });
}

export async function loader() {
  return redirect("/home");
}
