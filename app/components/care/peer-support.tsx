/**
 * Peer support from the plan (issue #15, ADR 101): the picker that searches the map's peer support
 * groups as the care manager types (nearest first when nothing is typed), and how to reach a group
 * a step links. The picker works without JavaScript: the search is a GET form of the plan page.
 */
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PeerGroup, PlanGoal } from "~/modules/care/queries.server";
import type { PeerGroupOption } from "~/modules/care/peer-support.server";
import { CARE_LIMITS } from "~/modules/care/schemas";
import { CARE_LIVE_LIMITS, ConnectPeerSupportSchema } from "~/modules/care/live-schemas";
import { addDays, dayOf, isoDay } from "~/modules/care/dates";
import { FormError, SelectField, SubmitButton, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm, type FormResult } from "~/components/ui/schema-form";
import { describeSchedule } from "~/components/map/hours";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** How to reach a group, in words: where, when, phone. `t` may be the client's language (the written copy). */
export function reachLines(group: Pick<PeerGroup, "address" | "phone" | "schedules">, t: Translate): string[] {
  const lines: string[] = [];
  if (group.schedules.length) lines.push(t("careLive.peer.when", { when: group.schedules.map((s) => describeSchedule(s, t)).join("; ") }));
  if (group.address) lines.push(t("careLive.peer.address", { address: group.address }));
  if (group.phone) lines.push(t("careLive.peer.phone", { phone: group.phone }));
  return lines;
}

export function PeerGroupReach({ group }: { group: PeerGroup }) {
  const { t } = useTranslation();
  const lines = reachLines(group, t as Translate);
  return (
    <div className="small care-step__peer">
      <span className="badge">{t("careLive.peer.badge")}</span> <strong>{group.name}</strong>
      {lines.length ? (
        <ul className="plain-list" aria-label={t("careLive.peer.reach")}>
          {lines.map((line) => <li key={line}>{line}</li>)}
        </ul>
      ) : null}
    </div>
  );
}

function GroupChoice({ group, checked }: { group: PeerGroupOption; checked: boolean }) {
  const { t, i18n } = useTranslation();
  const km = group.distanceKm === null ? null : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(group.distanceKm);
  return (
    <li>
      <label className="care-peer-choice">
        <input type="radio" name="assetId" value={group.id} defaultChecked={checked} required />
        <span>
          <strong>{group.name}</strong>
          {km ? <span className="small muted"> · {t("careLive.peer.km", { km })}</span> : null}
          <br />
          <span className="small">{reachLines(group, t as Translate).join(" · ")}</span>
        </span>
      </label>
    </li>
  );
}

export function PeerSupportCard({ goals, groups, query, today, result }: {
  goals: PlanGoal[]; groups: PeerGroupOption[]; query: string; today: string; result?: FormResult;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ groups: PeerGroupOption[] }>();
  const [typed, setTyped] = useState(query);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const connect = useSchemaForm({ schema: ConnectPeerSupportSchema, result, intent: "connect-peer-support" });
  const shown = fetcher.data?.groups ?? groups;
  const active = goals.filter((g) => g.status === "ACTIVE");
  useEffect(() => () => clearTimeout(timer.current), []);
  const search = (value: string) => {
    setTyped(value);
    clearTimeout(timer.current);
    // Search as you type, a moment after the last key.
    timer.current = setTimeout(() => fetcher.load(`/api/care/peer-support?${new URLSearchParams(value.trim() ? { peer: value.trim() } : {})}`), 200);
  };
  const hasErrors = !!(connect.form.error || Object.values(connect.form.fieldErrors).some(Boolean));
  if (active.length === 0) return null;
  return (
    <section className="card care-peer" aria-labelledby="peer-title">
      <h2 id="peer-title">{t("careLive.peer.title")}</h2>
      <p className="muted small">{t("careLive.peer.intro")}</p>
      <details open={hasErrors || !!query || undefined}>
        <summary>{t("careLive.peer.open")}</summary>
        <Form method="get" role="search" className="care-search" onSubmit={(e) => { e.preventDefault(); search(typed); }} preventScrollReset>
          <label htmlFor="peer-q">{t("careLive.peer.search")}</label>
          <div className="toolbar">
            <input id="peer-q" type="search" name="peer" value={typed} onChange={(e) => search(e.target.value)} maxLength={CARE_LIVE_LIMITS.search} autoComplete="off" aria-controls="peer-results" />
            <button type="submit" className="button">{t("careLive.peer.searchButton")}</button>
          </div>
        </Form>
        <FormError message={connect.form.error} />
        <Form method="post" className="grid-form" {...connect.form.props}>
          <fieldset className="care-peer-groups">
            <legend>{t("careLive.peer.group")}</legend>
            <p className="small muted" id="peer-results" aria-live="polite">
              {fetcher.state === "loading" ? t("careLive.peer.searching") : shown.length ? `${t("careLive.peer.results", { count: shown.length })}${typed ? "" : ` · ${t("careLive.peer.nearest")}`}` : t("careLive.peer.noResults")}
            </p>
            <ul className="plain-list">
              {shown.map((g, i) => <GroupChoice key={g.id} group={g} checked={i === 0 && shown.length === 1} />)}
            </ul>
            {connect.form.fieldErrors.assetId?.length ? <p className="field-error" role="alert">{connect.form.fieldErrors.assetId[0]}</p> : null}
          </fieldset>
          <SelectField label={t("careLive.peer.goal")} options={active.map((g) => ({ value: g.id, label: g.text }))} {...schemaField(connect.fields.goalId)} />
          <TextField label={t("careLive.peer.text")} defaultValue={t("careLive.peer.defaultText")} {...schemaField(connect.fields.text)} maxLength={CARE_LIMITS.stepText} />
          <TextField label={t("careLive.peer.due")} type="date" defaultValue={isoDay(addDays(dayOf(today), 7))} {...schemaField(connect.fields.dueOn)} min={today} max={isoDay(addDays(dayOf(today), CARE_LIMITS.stepDueMaxDays))} />
          <SubmitButton intent="connect-peer-support" pendingLabel={t("careLive.peer.connecting")}>{t("careLive.peer.connect")}</SubmitButton>
        </Form>
      </details>
    </section>
  );
}
