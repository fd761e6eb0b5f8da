import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { parseParams } from "~/utils/params.server";
import { getGraduationSummary } from "~/modules/care/graduation.server";
import { isLocale } from "~/i18n/config";
import { PrintButton } from "~/components/consent/print-button";
import { GraduationSummaryDocument } from "~/components/care/written-copy";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.graduationSummary");

const ParamsSchema = z.object({ clientId: z.string().uuid(), graduationId: z.string().uuid() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "care:read");
  const { clientId, graduationId } = parseParams(params, ParamsSchema);
  return { summary: await getGraduationSummary({ actor, clientId, graduationId }) };
}

/** A graduation's closing summary, in the client's language, to print for the client or a practice not on the hub (ADR 098). */
export default function GraduationSummaryPage() {
  const { t: screenT, i18n } = useTranslation();
  const { summary } = useLoaderData<typeof loader>();
  const language = isLocale(summary.client.preferredLanguage) ? summary.client.preferredLanguage : "en";
  const fixed = i18n.getFixedT(language);
  const t = (key: string, options?: Record<string, unknown>) => fixed(key, options as never) as unknown as string;
  return (
    <div className="stack">
      <div className="no-print toolbar">
        <Link to={`/clients/${summary.client.id}/plan`}>← {screenT("careGraduation.summary.back")}</Link>
        <PrintButton label={screenT("careGraduation.summary.print")} />
      </div>
      <GraduationSummaryDocument summary={summary} t={t} language={language} />
    </div>
  );
}
