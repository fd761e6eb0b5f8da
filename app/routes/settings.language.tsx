import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { SUPPORTED_LOCALES } from "~/i18n/config";
import { localeCookie } from "~/i18n/i18next.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { setPreferredLocale } from "~/modules/auth/service.server";
import { getOptionalActor } from "~/modules/auth/guard.server";
import { validateForm } from "~/utils/forms.server";

const LanguageSchema = z.object({ locale: z.enum(SUPPORTED_LOCALES), redirectTo: z.string().optional() });

export async function action({ request }: ActionFunctionArgs) {
  const parsed = validateForm(await request.formData(), LanguageSchema);
  if (!parsed.success) return data(parsed.errors, { status: 400 });
  const actor = await getOptionalActor(request);
  if (actor) await setPreferredLocale({ userId: actor.userId, locale: parsed.data.locale });
  return redirect(safeRedirect(parsed.data.redirectTo, "/"), { headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) } });
}

export async function loader() {
  return redirect("/");
}
