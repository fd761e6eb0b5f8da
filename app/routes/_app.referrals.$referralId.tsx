import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { isAppError } from "~/utils/app-error";
import { validateForm } from "~/utils/forms.server";
import { parseParams } from "~/utils/params.server";
import { CommentReferralSchema, TransitionReferralSchema } from "~/modules/referral/schemas";
import { commentOnReferral, transitionReferral } from "~/modules/referral/service.server";
import { openReferral, type ClientDetails, type TimelineEntry } from "~/modules/referral/open.server";
import { requireActor } from "~/modules/auth/guard.server";
import { Notice } from "~/components/ui/form";
import { formatBirthDate } from "~/components/consent/format";
import { CommentForm, ReferralActions, type ActionResult } from "~/components/referral/referral-actions";
import { FitWarnings, NeedTags, OverdueFlag, PriorityTag, StatusBadge, formatDate } from "~/components/referral/labels";
import { useReferralLive } from "~/components/referral/use-referral-live";
import { ThreadClosedNotice } from "~/components/referral/thread-notice";
import { toHttpError } from "~/utils/http-errors.server";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.referral");

const ParamsSchema = z.object({ referralId: z.string().uuid() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { referralId } = parseParams(params, ParamsSchema);
  const actor = await requireActor(request, "org:read");
  const view = await openReferral({ actor, referralId });
  return view;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { referralId } = parseParams(params, ParamsSchema);
  const actor = await requireActor(request, "org:read");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const to = typeof formData.get("to") === "string" ? (formData.get("to") as string) : undefined;
  try {
    if (intent === "transition") {
      const parsed = validateForm(formData, TransitionReferralSchema);
      if (!parsed.success) return data<ActionResult>({ ...parsed.errors, to }, { status: 400 });
      const { intent: _intent, ...input } = parsed.data;
      await transitionReferral({ actor, referralId, input });
      return { ok: true, intent: "transition", to } satisfies ActionResult;
    }
    if (intent === "comment") {
      const parsed = validateForm(formData, CommentReferralSchema);
      if (!parsed.success) return data<ActionResult>(parsed.errors, { status: 400 });
      await commentOnReferral({ actor, referralId, input: { body: parsed.data.body } });
      return { ok: true, intent: "comment" } satisfies ActionResult;
    }
    return data<ActionResult>({ formError: "Unknown action." }, { status: 400 });
  } catch (error) {
    if (!isAppError(error)) throw error;
    // In the request's language: a service's message may be a translatable (ADR 071, 081).
    const mapped = toHttpError(error)!;
    return data<ActionResult>(
      { formError: mapped.message, fieldErrors: mapped.fieldErrors, intent: typeof intent === "string" ? intent : undefined, to, conflict: error.status === 409 },
      { status: error.status },
    );
  }
}

export default function ReferralPage() {
  const { t, i18n } = useTranslation();
  const view = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const r = view.referral;
  useReferralLive({ referralId: r.id });
  const sender = view.side === "sender";
  const partner = sender ? r.recipient.name : r.sender.name;
  return (
    <div className="stack">
      <p>
        <Link to={sender ? "/referrals/sent" : "/referrals"}>← {sender ? t("referral.detail.backOutbox") : t("referral.detail.backInbox")}</Link>
      </p>
      <header className="page-header referral-header">
        <h1>{sender ? t("referral.detail.titleTo", { organization: partner }) : t("referral.detail.titleFrom", { organization: partner })}</h1>
        <p className="referral-header__status" aria-live="polite">
          <span className="visually-hidden">{t("referral.detail.statusLabel")}: </span>
          <StatusBadge status={r.status} /> <OverdueFlag overdue={view.overdue} />
          <span className="muted small">{t("referral.detail.sentOn", { date: formatDate(r.sentAt, i18n.language, true) })}</span>
        </p>
      </header>
      {search.get("sent") && r.status === "REQUESTED" ? <Notice>{t("referral.detail.sentNotice", { organization: partner })}</Notice> : null}

      <div className="referral-layout">
        <div className="stack">
          <section className="card" aria-labelledby="ask-title">
            <h2 id="ask-title">{t("referral.detail.ask")}</h2>
            <dl className="facts">
              <div><dt>{t("referral.detail.needs")}</dt><dd><NeedTags codes={r.sdohCodes} /></dd></div>
              <div><dt>{t("referral.detail.service")}</dt><dd>{r.service?.name ?? t("referral.detail.anyService")}</dd></div>
              <div><dt>{t("referral.detail.priority")}</dt><dd><PriorityTag priority={r.priority} /></dd></div>
              <div><dt>{t("referral.detail.from")}</dt><dd>{r.sender.name}</dd></div>
              <div><dt>{t("referral.detail.to")}</dt><dd>{r.recipient.name}</dd></div>
              <div><dt>{t("referral.detail.categories")}</dt><dd>{r.categories.map((c) => t(`consent.categories.${c}`)).join("; ")}</dd></div>
              {r.statusReason || r.statusReasonText ? (
                <div><dt>{t("referral.detail.reason")}</dt><dd>{r.statusReason ? t(`referral.reasons.${r.statusReason}`) : null}{r.statusReason && r.statusReasonText ? " — " : null}{r.statusReasonText}</dd></div>
              ) : null}
              {r.outcome ? (
                <div><dt>{t("referral.detail.outcome")}</dt><dd><strong>{t(`referral.outcomes.${r.outcome}`)}</strong>{r.outcomeText ? ` — ${r.outcomeText}` : null}</dd></div>
              ) : null}
            </dl>
          </section>

          <ClientPanel client={view.client} partner={partner} />

          <section className="card" aria-labelledby="note-title">
            <h2 id="note-title">{t("referral.detail.note")}</h2>
            {view.note ? <p className="pre-line">{view.note}</p> : <p className="muted">{view.client.access === "withheld" ? t("referral.detail.noteWithheld") : t("referral.detail.noNote")}</p>}
          </section>

          <section className="card" aria-labelledby="fit-title">
            <h2 id="fit-title">{t("referral.detail.fit")}</h2>
            <p className="muted small">{t("referral.detail.fitIntro")}</p>
            <p>
              {r.capacityStatus ? <span className={`tag tag--capacity-${r.capacityStatus.toLowerCase()}`}>{t(`directory.capacity.${r.capacityStatus}`)}</span> : <span className="tag">{t("referral.detail.capacityUnknown")}</span>}{" "}
              {r.capacityConfirmedAt ? <span className="muted small">{t("referral.detail.capacityConfirmed", { date: formatDate(r.capacityConfirmedAt, i18n.language) })}</span> : null}
            </p>
            {r.service?.eligibilityDescription ? (
              <p><strong>{t("referral.detail.eligibility")}:</strong> {r.service.eligibilityDescription}</p>
            ) : null}
            <FitWarnings warnings={r.fitWarnings} emptyText={t("referral.detail.noFitWarnings")} />
          </section>
        </div>

        <div className="stack">
          <section className="card" aria-labelledby="actions-title">
            <h2 id="actions-title">{t("referral.detail.actions")}</h2>
            <ReferralActions moves={view.moves} version={r.version} />
          </section>

          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t("referral.detail.timeline")}</h2>
            <ol className="timeline">
              {view.timeline.map((e) => (
                <TimelineItem key={e.id} entry={e} />
              ))}
            </ol>
            {view.thread.open ? <CommentForm /> : <ThreadClosedNotice thread={view.thread} side={view.side} partner={partner} />}
          </section>
        </div>
      </div>
    </div>
  );
}

function ClientPanel({ client, partner }: { client: ClientDetails; partner: string }) {
  const { t, i18n } = useTranslation();
  if (client.access === "withheld") {
    return (
      <section className="card card--withheld" aria-labelledby="client-title">
        <h2 id="client-title">{t("referral.detail.client")}</h2>
        <p><strong>{t("referral.detail.withheld")}</strong></p>
        {client.reasons.length ? (
          <ul className="small">
            {client.reasons.map((r) => (
              <li key={r.category}>{t(`consent.categories.${r.category}`)}: {t(`consent.today.reasons.${r.reason}`)}</li>
            ))}
          </ul>
        ) : null}
      </section>
    );
  }
  const f = client.access === "own" ? client.client : client.fields;
  const rows: [string, string | null | undefined][] = [
    [t("consent.detail.birthDate"), f.birthDate ? formatBirthDate(f.birthDate, i18n.language) : null],
    [t("consent.detail.contact"), f.contact],
    [t("consent.detail.address"), f.address],
    [t("consent.detail.language"), f.preferredLanguage ? t(`consent.languages.${f.preferredLanguage as "en"}`, { defaultValue: f.preferredLanguage }) : null],
  ];
  return (
    <section className="card" aria-labelledby="client-title">
      <h2 id="client-title">{t("referral.detail.client")}</h2>
      {client.access === "own" ? (
        <p><Link to={`/clients/${client.client.id}`}>{client.client.name}</Link></p>
      ) : (
        <>
          <p className="referral-client-name">{f.name ?? t("referral.detail.nameNotShared")}</p>
          <p className="muted small">{t("referral.detail.consentedIntro", { categories: client.categories.map((c) => t(`consent.categories.${c}`)).join("; "), organization: partner })}</p>
        </>
      )}
      <dl className="facts facts--compact">
        {rows.filter(([, v]) => !!v).map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
    </section>
  );
}

function TimelineItem({ entry: e }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const who = [e.actorName, e.organizationName].filter(Boolean).join(", ");
  let what: string;
  if (e.kind === "COMMENT") what = t("referral.timeline.comment");
  else if (e.kind === "REMINDER") what = t(e.text === "update" ? "referral.timeline.reminderUpdate" : "referral.timeline.reminderResponse");
  else if (!e.fromStatus && e.toStatus === "REQUESTED") what = t("referral.timeline.sent");
  else what = t(`referral.timeline.to.${e.toStatus}`);
  return (
    <li className={`timeline__item timeline__item--${e.kind.toLowerCase()}`}>
      <p className="timeline__what">
        <strong>{what}</strong>
        {who ? <span> · {who}</span> : null}
      </p>
      <p className="muted small"><time dateTime={new Date(e.at).toISOString()}>{formatDate(e.at, i18n.language, true)}</time></p>
      {e.reason ? <p>{t("referral.timeline.reason", { reason: t(`referral.reasons.${e.reason}`) })}</p> : null}
      {e.outcome ? <p>{t("referral.timeline.outcome", { outcome: t(`referral.outcomes.${e.outcome}`) })}</p> : null}
      {e.text && e.kind !== "REMINDER" ? <p className="pre-line">{e.text}</p> : null}
      {e.body ? <p className="pre-line timeline__body">{e.body}</p> : null}
      {e.withheld ? <p className="muted small">{t("referral.detail.commentWithheld")}</p> : null}
    </li>
  );
}
