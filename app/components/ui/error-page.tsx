import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** What a person sees for 404, 403 and server errors: what happened and where to go. */
export function ErrorPage({ status, asMain = true }: { status: number; asMain?: boolean }) {
  const { t } = useTranslation();
  const [title, body] =
    status === 404 ? [t("errors.notFoundTitle"), t("errors.notFoundBody")]
    : status === 403 ? [t("errors.forbiddenTitle"), t("errors.forbiddenBody")]
    : [t("errors.serverTitle"), t("errors.serverBody")];
  const content = (
    <>
      <p className="error-code" aria-hidden="true">{status}</p>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a className="button" href="/">{t("errors.goHome")}</a>
      </p>
    </>
  );
  return asMain ? (
    <main id="main" className="error-page" tabIndex={-1}>{content}</main>
  ) : (
    <section className="error-page">{content}</section>
  );
}

/** ErrorBoundary for pages inside the signed-in layout: the header and navigation stay. */
export function PageErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} asMain={false} />;
}
