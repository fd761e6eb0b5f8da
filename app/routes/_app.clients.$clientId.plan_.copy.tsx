import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { parseParams } from "~/utils/params.server";
import { ClientIdParamSchema } from "~/modules/client/schemas";
import { getWrittenCopy } from "~/modules/care/written-copy.server";
import { isoDay, todayUtc } from "~/modules/care/dates";
import { LOCALE_NAMES } from "~/i18n/config";
import { PrintButton } from "~/components/consent/print-button";
import { WrittenCopyDocument } from "~/components/care/written-copy";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.carePlanCopy");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "care:read");
  const { clientId } = parseParams(params, ClientIdParamSchema);
  const copy = await getWrittenCopy({ actor, clientId });
  return { copy, printedOn: isoDay(todayUtc()) };
}

/** The client's written copy of their plan, in the client's language, to print and hand over (ADR 098). */
export default function WrittenCopyPage() {
  const { t: screenT, i18n } = useTranslation();
  const { copy, printedOn } = useLoaderData<typeof loader>();
  const fixed = i18n.getFixedT(copy.language);
  const t = (key: string, options?: Record<string, unknown>) => fixed(key, options as never) as unknown as string;
  return (
    <div className="stack">
      <div className="no-print toolbar">
        <Link to={`/clients/${copy.client.id}/plan`}>← {screenT("careGraduation.copy.back")}</Link>
        <a className="button" href={`/clients/${copy.client.id}/plan/copy/pdf`} download>{screenT("careGraduation.copy.downloadPdf")}</a>
        <PrintButton label={screenT("careGraduation.copy.print")} />
      </div>
      <p className="no-print small muted">
        {copy.languageFallback ? screenT("careGraduation.copy.languageFallback") : screenT("careGraduation.copy.screenNote", { language: LOCALE_NAMES[copy.language] })}
      </p>
      <WrittenCopyDocument copy={copy} t={t} printedOn={printedOn} />
    </div>
  );
}
