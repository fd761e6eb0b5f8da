import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalActor } from "~/modules/auth/guard.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getOptionalActor(request);
  return redirect(actor ? "/home" : "/login");
}
