import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { conferenceIdOf } from "~/modules/conference/http.server";
import { requireConferenceAccess } from "~/modules/conference/service.server";
import { ApproveVignetteSchema } from "~/modules/conference/schemas";
import { approveVignette, openForSecondReader } from "~/modules/conference/second-reader.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { parseSearchParams } from "~/utils/params.server";
import { uuid } from "~/utils/form-fields";
import { VignetteSections } from "~/components/conference/vignette-sections";
import { ConfirmForm } from "~/components/ui/confirm-form";
import { FormError, Notice } from "~/components/ui/form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.secondReader");

const ReviewQuery = z.object({ id: uuid() });

/** A colleague's draft, for its second reader (ADR 093): same organization, not the author. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "conferences:join");
  const conferenceId = conferenceIdOf(params);
  // Another organization's conference is a 404 before the query string is read (the isolation matrix).
  await requireConferenceAccess(conferenceId, actor.organizationId);
  const { id } = await parseSearchParams(request, ReviewQuery);
  const { vignette, findings } = await openForSecondReader({ actor, conferenceId, vignetteId: id });
  return {
    conferenceId,
    vignette: { id: vignette.id, title: vignette.title, situation: vignette.situation, strengths: vignette.strengths, needs: vignette.needs, tried: vignette.tried, question: vignette.question, authorName: vignette.authorName, approvedByName: vignette.approvedAt ? vignette.approvedByName : null },
    findings: findings.reduce((n, f) => n + f.findings.length, 0),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, "conferences:join");
  const input = parseForm(await request.formData(), ApproveVignetteSchema);
  await approveVignette({ actor, conferenceId: conferenceIdOf(params), vignetteId: input.vignetteId });
  return { approved: true };
}

export default function SecondReader() {
  const { t } = useTranslation();
  const { conferenceId, vignette, findings } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors & { approved?: boolean }>();
  return (
    <div className="stack">
      <p><Link to={`/conferences/${conferenceId}`}>← {t("conference.summary.backToRoom")}</Link></p>
      <header className="page-header">
        <h1>{t("conference.secondReader.reviewTitle", { title: vignette.title })}</h1>
        <p className="muted">{t("conference.room.by", { name: vignette.authorName })}</p>
      </header>
      <section className="card stack" aria-labelledby="review-title">
        <h2 id="review-title" className="visually-hidden">{vignette.title}</h2>
        <p>{t("conference.secondReader.reviewIntro")}</p>
        <VignetteSections vignette={vignette} />
        {actionData?.approved ? <Notice>{t("conference.secondReader.approved")}</Notice> : vignette.approvedByName ? <Notice>{t("conference.secondReader.approvedBy", { name: vignette.approvedByName })}</Notice> : null}
        <FormError message={actionData?.formError} />
        {findings > 0 ? (
          <p className="alert" role="status">{t("conference.secondReader.findings", { count: findings })}</p>
        ) : !actionData?.approved && !vignette.approvedByName ? (
          <ConfirmForm question={t("conference.secondReader.approveQuestion")} confirmLabel={t("conference.secondReader.approve")} hidden={{ intent: "approve", vignetteId: vignette.id }}>
            {t("conference.secondReader.approve")}
          </ConfirmForm>
        ) : null}
      </section>
    </div>
  );
}
