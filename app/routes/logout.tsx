import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, readSessionId } from "~/modules/auth/cookie.server";
import { signOut } from "~/modules/auth/service.server";
import { requestMeta } from "~/utils/request.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const sessionId = await readSessionId(request.headers.get("cookie"));
  if (sessionId) await signOut({ sessionId, request: requestMeta(request) });
  return redirect("/login?signedOut=1", { headers: { "Set-Cookie": await clearSessionCookie() } });
}
