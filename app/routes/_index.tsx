import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getOptionalUser(request);
  return redirect(auth ? "/home" : "/login");
}
