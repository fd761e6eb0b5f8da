import type { LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { parseParams } from "~/utils/params.server";
import { getAuthorizationCopy } from "~/modules/consent/service.server";
import { PrintButton } from "~/components/consent/print-button";
import { formatBirthDate, formatDateTime, formatDay, lastDay } from "~/components/consent/format";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.authorization");

const ParamsSchema = z.object({ clientId: z.string().uuid(), authorizationId: z.string().uuid() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "clients:read");
  const { clientId, authorizationId } = parseParams(params, ParamsSchema);
  const copy = await getAuthorizationCopy({ actor, clientId, authorizationId });
  return { clientId, copy };
}

/** The client's copy, in the language of the form they signed, laid out to print on letter/A4. */
export default function AuthorizationCopy() {
  const { t: screenT, i18n } = useTranslation();
  const { clientId, copy } = useLoaderData<typeof loader>();
  const t = i18n.getFixedT(copy.language);
  const locale = copy.language;
  const s = copy.statements;
  return (
    <div className="stack">
      <div className="no-print toolbar">
        <Link to={`/clients/${clientId}`}>← {screenT("consent.copy.back")}</Link>
        <PrintButton label={screenT("consent.copy.print")} />
        <a className="button" href={`/clients/${clientId}/authorizations/${copy.id}/pdf`} download>{screenT("consent.copy.downloadPdf")}</a>
      </div>
      <article className="card printable" lang={locale} aria-labelledby="copy-title">
        <h1 id="copy-title">{t("consent.copy.title")}</h1>
        {copy.revokedAt ? <p className="alert alert--error">{t("consent.copy.revoked", { date: formatDay(copy.revokedAt, locale) })}</p> : null}
        <dl className="facts">
          <div><dt>{t("consent.copy.client")}</dt><dd>{copy.client.name}</dd></div>
          <div><dt>{t("consent.copy.birthDate")}</dt><dd>{formatBirthDate(copy.client.birthDate, locale)}</dd></div>
          <div><dt>{t("consent.copy.form")}</dt><dd>{t(`consent.forms.${copy.form}`)}</dd></div>
          <div><dt>{t("consent.copy.what")}</dt><dd><ul>{copy.categories.map((c) => <li key={c}>{t(`consent.categories.${c}`)}</li>)}</ul></dd></div>
          <div><dt>{t("consent.copy.discloser")}</dt><dd>{copy.discloser}</dd></div>
          <div><dt>{t("consent.copy.recipients")}</dt><dd><ul>{copy.recipients.map((r) => <li key={r}>{r}</li>)}</ul></dd></div>
          <div><dt>{t("consent.copy.purpose")}</dt><dd>{copy.purpose}</dd></div>
          <div><dt>{t("consent.copy.effective")}</dt><dd>{formatDay(copy.effectiveAt, locale)}</dd></div>
          <div><dt>{t("consent.copy.expires")}</dt><dd>{[copy.expiresAt ? lastDay(copy.expiresAt, locale) : null, copy.expirationEvent].filter(Boolean).join(" — ")}</dd></div>
        </dl>
        <h2>{t("consent.copy.statements")}</h2>
        <ul className="statements">
          <li>{s.rightToRevoke}</li>
          <li>{s.noConditioning}</li>
          <li>{s.redisclosure}</li>
          {s.part2Prohibition ? <li>{s.part2Prohibition}</li> : null}
          {s.part2LegalProceedings ? <li>{s.part2LegalProceedings}</li> : null}
        </ul>
        <div className="signature-block">
          <dl className="facts">
            <div><dt>{t("consent.copy.signedBy")}</dt><dd>{copy.signature.signerName}{copy.signature.representativeAuthority ? <><br />{t("consent.copy.representative", { authority: copy.signature.representativeAuthority })}</> : null}</dd></div>
            <div><dt>{t("consent.copy.signedOn")}</dt><dd>{formatDateTime(copy.signedAt, locale)}</dd></div>
            <div>
              <dt>{t(copy.signature.image ? "consent.copy.drawnSignature" : "consent.copy.typedSignature")}</dt>
              <dd>
                {copy.signature.image ? (
                  <img src={copy.signature.image} alt={`${t("consent.copy.drawnSignature")}: ${copy.signature.signerName}`} className="signature-image" />
                ) : (
                  <span className="typed-signature">{copy.signature.typed}</span>
                )}
              </dd>
            </div>
          </dl>
        </div>
        <p className="small muted">{t("consent.copy.reference")}: {copy.id}</p>
      </article>
    </div>
  );
}
