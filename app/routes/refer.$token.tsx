import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/i18n/i18next.server";
import { ExternalReferralSchema } from "~/modules/pathway/schemas";
import { findOpenLink } from "~/modules/pathway/service.server";
import { submitExternalReferral } from "~/modules/pathway/submit.server";
import { signFormToken } from "~/modules/pathway/tokens.server";
import { parseForm, readSmallForm } from "~/utils/forms.server";
import { requestMeta } from "~/utils/request.server";
import { translatable } from "~/utils/translatable";
import { PathwayDetails, PathwayShell } from "~/components/pathway/public-pathway";
import { ReferralForm, ReferralSent, type ReferralFormResult } from "~/components/pathway/referral-form";

export const meta = titleMeta("pathways.titles.refer");

/** No cache, no index: the URL carries the practice's token. */
const PRIVATE = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" };
const MAX_BODY_BYTES = 16_384;

/** An unknown, revoked or expired link all answer the same page (404), so a link cannot be probed. */
export async function loader({ params }: LoaderFunctionArgs) {
  const link = await findOpenLink(params.token ?? "");
  if (!link) return data({ link: null }, { status: 404, headers: PRIVATE });
  return data({ link: { practiceName: link.practiceName, pathway: link.pathway, formToken: signFormToken(link.id) } }, { headers: PRIVATE });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readSmallForm(request, MAX_BODY_BYTES, translatable("pathways.errors.tooLarge"));
  const input = parseForm(formData, ExternalReferralSchema);
  const language = await i18nServer.getLocale(request);
  const sent = await submitExternalReferral({ token: params.token ?? "", input, request: requestMeta(request), language });
  return data({ sent }, { headers: PRIVATE });
}

export default function Refer() {
  const { t } = useTranslation();
  const { link } = useLoaderData<typeof loader>();
  const result = useActionData<ReferralFormResult>();
  return (
    <PathwayShell>
      {result?.sent ? (
        <ReferralSent sent={result.sent} />
      ) : !link ? (
        <>
          <h1>{t("pathways.refer.unavailable")}</h1>
          <p>{t("pathways.refer.unavailableBody")}</p>
        </>
      ) : (
        <>
          <h1>{t("pathways.refer.title", { service: link.pathway.service.name })}</h1>
          <p className="muted">{t("pathways.refer.intro", { practice: link.practiceName })}</p>
          <details>
            <summary>{t("pathways.public.forWhom")} · {t("pathways.public.notFor")}</summary>
            <PathwayDetails pathway={link.pathway} headingLevel={3} />
          </details>
          <ReferralForm formToken={link.formToken} responseDays={link.pathway.responseDays} result={result} />
        </>
      )}
    </PathwayShell>
  );
}
