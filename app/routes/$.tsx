import type { LoaderFunctionArgs } from "@remix-run/node";
import { ErrorPage } from "~/components/ui/error-page";

/** Any URL no route matches: a real 404 status and page. */
export async function loader(_: LoaderFunctionArgs) {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return <ErrorPage status={404} />;
}
