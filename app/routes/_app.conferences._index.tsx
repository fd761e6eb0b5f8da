import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { AppError } from "~/utils/app-error";
import { ScheduleConferenceSchema } from "~/modules/conference/schemas";
import { listConferences, scheduleConference } from "~/modules/conference/scheduling.server";
import { coalitionTimeZone, partnerOrganizations } from "~/modules/conference/queries.server";
import { formatDateTime, parseLocalDateTime } from "~/modules/conference/time";
import { FormError, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
import { CardFailed } from "~/components/ui/card-error";
import { loadCard } from "~/utils/cards.server";
import { translatable } from "~/utils/translatable";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.conferences");

function conferenceRow(c: Awaited<ReturnType<typeof listConferences>>["upcoming"][number]) {
  return {
    id: c.id,
    title: c.title,
    startsAt: c.startsAt.toISOString(),
    status: c.status,
    cancelled: c.cancelledAt !== null,
    host: c.hostOrganization.name,
    wholeCoalition: c.wholeCoalition,
    vignettes: c._count.vignettes,
    nextSteps: c._count.nextSteps,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "conferences:join", "coalition");
  const organizationId = actor.organizationId;
  const [lists, partners, timeZone] = await Promise.all([
    // One card for both lists: a conference stored at an impossible date fails the lists, not the page (ADR 066).
    loadCard("conference-lists", async () => {
      const { upcoming, past } = await listConferences(organizationId);
      return { upcoming: upcoming.map(conferenceRow), past: past.map(conferenceRow) };
    }, request),
    partnerOrganizations(actor.coalitionId, organizationId),
    coalitionTimeZone(actor.coalitionId),
  ]);
  return {
    lists,
    partners,
    timeZone,
    canHost: actor.permissions.has("conferences:host"),
    coalitionName: actor.coalitionName,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "conferences:host", "coalition");
  const timeZone = await coalitionTimeZone(actor.coalitionId);
  const input = parseForm(await request.formData(), ScheduleConferenceSchema);
  const startsAt = parseLocalDateTime(input.startsAt, timeZone);
  if (!startsAt) throw new AppError({ message: translatable("errors.services.conference.chooseDateTime"), fieldErrors: { startsAt: [translatable("errors.services.conference.chooseDateTime")] } });
  const conference = await scheduleConference({
    actor,
    coalitionId: actor.coalitionId,
    input: { ...input, startsAt },
  });
  return redirect(`/conferences/${conference.id}`);
}

type Row = ReturnType<typeof conferenceRow>;

export default function ConferencesPage() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<FormErrors>();
  const { form, fields } = useSchemaForm({ schema: ScheduleConferenceSchema, result: actionData });
  const [audience, setAudience] = useState<"coalition" | "organizations">("organizations");
  const when = (iso: string) => formatDateTime(iso, i18n.language, data.timeZone);

  const list = (rows: Row[], past: boolean) => (
    <ul className="conference-list">
      {rows.map((c) => (
        <li key={c.id} className="conference-row">
          <div>
            <h3>
              <Link to={past && !c.cancelled ? `/conferences/${c.id}/summary` : `/conferences/${c.id}`}>{c.title}</Link>
              {c.cancelled ? (
                <span className="badge badge--cancelled">{t("conference.status.CANCELLED")}</span>
              ) : (
                <span className={`badge badge--${c.status.toLowerCase()}`}>{t(`conference.status.${c.status}`)}</span>
              )}
            </h3>
            <p className="muted small">
              {when(c.startsAt)} · {t("conference.hostedBy", { host: c.host })} · {c.wholeCoalition ? t("conference.wholeCoalition") : t("conference.invitedPartners")}
            </p>
          </div>
          <p className="muted small">{t("conference.vignetteCount", { count: c.vignettes })} · {t("conference.stepCount", { count: c.nextSteps })}</p>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("conference.title")}</h1>
        <p className="muted">{t("conference.intro")}</p>
      </header>

      <section className="card" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("conference.upcoming")}</h2>
        {!data.lists.ok ? <CardFailed /> : data.lists.data.upcoming.length === 0 ? <p className="muted">{t("conference.noUpcoming")}</p> : list(data.lists.data.upcoming, false)}
      </section>

      {data.canHost ? (
        <section className="card" aria-labelledby="schedule-title">
          <h2 id="schedule-title">{t("conference.schedule.title")}</h2>
          <p className="muted">{t("conference.schedule.intro")}</p>
          <FormError message={form.error} />
          <Form method="post" {...form.props}>
            <TextField label={t("conference.schedule.name")} {...schemaField(fields.title)} />
            <TextField
              label={t("conference.schedule.startsAt")}
              hint={t("conference.schedule.timeZone", { zone: data.timeZone })}
              type="datetime-local"
              {...schemaField(fields.startsAt)}
            />
            <TextAreaField label={t("conference.schedule.agenda")} hint={t("conference.schedule.agendaHint")} rows={4} {...schemaField(fields.agenda)} />
            <fieldset className="fieldset">
              <legend>{t("conference.schedule.audience")}</legend>
              <label className="choice">
                <input type="radio" name="audience" value="organizations" checked={audience === "organizations"} onChange={() => setAudience("organizations")} />
                {t("conference.schedule.chosen")}
              </label>
              <label className="choice">
                <input type="radio" name="audience" value="coalition" checked={audience === "coalition"} onChange={() => setAudience("coalition")} />
                {t("conference.schedule.coalition", { coalition: data.coalitionName })}
              </label>
            </fieldset>
            {audience === "organizations" ? (
              <fieldset className="fieldset">
                <legend>{t("conference.schedule.partners")}</legend>
                {data.partners.length === 0 ? <p className="muted">{t("conference.schedule.noPartners")}</p> : null}
                <div className="choice-grid">
                  {data.partners.map((p) => (
                    <label key={p.id} className="choice">
                      <input type="checkbox" name="organizationIds" value={p.id} />
                      {p.name}
                    </label>
                  ))}
                </div>
                {fields.organizationIds.errors ? (
                  <p className="field-error" role="alert">
                    {fields.organizationIds.errors[0]}
                  </p>
                ) : null}
              </fieldset>
            ) : null}
            <SubmitButton intent="schedule" pendingLabel={t("conference.schedule.pending")}>{t("conference.schedule.submit")}</SubmitButton>
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="past-title">
        <h2 id="past-title">{t("conference.past")}</h2>
        {!data.lists.ok ? <CardFailed /> : data.lists.data.past.length === 0 ? <p className="muted">{t("conference.noPast")}</p> : list(data.lists.data.past, true)}
      </section>
    </div>
  );
}
