import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** What a person sees for 404, 403, the database out of reach (503) and server errors: what happened and where to go. */
export function ErrorPage({ status, asMain = true, detail }: { status: number; asMain?: boolean; detail?: string }) {
  const { t } = useTranslation();
  const [title, body] =
    status === 404 ? [t("errors.notFoundTitle"), t("errors.notFoundBody")]
    : status === 403 ? [t("errors.forbiddenTitle"), t("errors.forbiddenBody")]
    : status === 503 ? [t("errors.unavailableTitle"), t("errors.unavailableBody")]
    : status >= 400 && status < 500 ? [t("errors.badRequestTitle"), detail ?? t("errors.badRequestBody")]
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
  return isRouteErrorResponse(error) ? <ErrorPage status={error.status} detail={errorDetail(error.data)} asMain={false} /> : <ErrorPage status={500} asMain={false} />;
}

/** The message the server's error mapper sent with a 4xx (`{ error }`, already in the person's language). */
export function errorDetail(data: unknown): string | undefined {
  return data && typeof data === "object" && "error" in data && typeof data.error === "string" ? data.error : undefined;
}
