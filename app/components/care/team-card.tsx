/**
 * The care plan page's care team (issue #15, ADR 100): the primary care manager, the other members
 * with their role and organization, the form to add one (organizations the client authorized, and
 * the client's own), removal behind a confirmation, and the earlier members kept as history.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TeamMemberView } from "~/modules/care/team.server";
import { AddTeamMemberSchema, SUGGESTED_ROLES } from "~/modules/care/record-schemas";
import { FormError, SelectField, SubmitButton, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm, type FormResult } from "~/components/ui/schema-form";
import { ConfirmForm } from "~/components/ui/confirm-form";
import { formatDay } from "~/components/consent/format";

export function TeamCard({ members, careManagerName, options, canWrite, result }: {
  members: TeamMemberView[]; careManagerName: string | null; options: { id: string; name: string }[]; canWrite: boolean; result?: FormResult;
}) {
  const { t, i18n } = useTranslation();
  const { form, fields } = useSchemaForm({ schema: AddTeamMemberSchema, result, intent: "add-team-member" });
  const current = members.filter((m) => !m.removedAt);
  const earlier = members.filter((m) => m.removedAt);
  const open = !!(form.fieldErrors.memberOrganizationId || form.fieldErrors.name || form.fieldErrors.role);
  return (
    <section className="card" aria-labelledby="team-title">
      <h2 id="team-title">{t("careTeam.team.title")}</h2>
      <p className="muted small">{t("careTeam.team.intro")}</p>
      <ul className="plain-list care-team">
        <li><span><strong>{careManagerName || "—"}</strong> · {t("careTeam.team.primary")}</span></li>
        {current.map((m) => (
          <li key={m.id} className="care-team__member">
            <span><strong className="user-text">{m.name}</strong> · <span className="user-text">{m.role}</span> · {m.organizationName}{" "}
              <span className="small muted">{t("careTeam.team.since", { date: formatDay(m.addedAt, i18n.language) })}</span>
              {!m.own && !m.covered ? <> <span className="badge badge--overdue">{t("careTeam.team.notCovered")}</span></> : null}
            </span>
            {canWrite ? (
              <ConfirmForm question={t("careTeam.team.removeQuestion")} confirmLabel={t("careTeam.team.removeConfirm")} hidden={{ intent: "remove-team-member", teamMemberId: m.id, confirm: "yes" }}>
                <span aria-hidden="true">{t("careTeam.team.remove")}</span><span className="visually-hidden">{t("careTeam.team.removeLabel", { name: m.name })}</span>
              </ConfirmForm>
            ) : null}
          </li>
        ))}
      </ul>
      {current.length === 0 ? <p className="empty-state empty-state--small">{t("careTeam.team.empty")}</p> : null}
      {canWrite ? (
        // Keyed by the team's size: after an addition the form closes, empty.
        <details key={members.length} open={open || undefined}>
          <summary>{t("careTeam.team.add")}</summary>
          <FormError message={form.error} />
          <Form method="post" className="grid-form" {...form.props}>
            <input type="hidden" name="intent" value="add-team-member" />
            <SelectField label={t("careTeam.team.organization")} hint={t("careTeam.team.organizationHint")} options={options.map((o) => ({ value: o.id, label: o.name }))} {...schemaField(fields.memberOrganizationId)} />
            <TextField label={t("careTeam.team.name")} autoComplete="off" {...schemaField(fields.name)} />
            <TextField label={t("careTeam.team.role")} hint={t("careTeam.team.roleHint")} list="care-team-roles" autoComplete="off" {...schemaField(fields.role)} />
            <datalist id="care-team-roles">
              {SUGGESTED_ROLES.map((r) => <option key={r} value={t(`careTeam.roles.${r}`)} />)}
            </datalist>
            <SubmitButton pendingLabel={t("careTeam.team.saving")}>{t("careTeam.team.save")}</SubmitButton>
          </Form>
        </details>
      ) : null}
      {earlier.length ? (
        <details>
          <summary>{t("careTeam.team.history")}</summary>
          <ul className="plain-list small">
            {earlier.map((m) => (
              <li key={m.id}>
                <span className="user-text">{m.name}</span> · <span className="user-text">{m.role}</span> · {m.organizationName} · {t("careTeam.team.fromTo", { from: formatDay(m.addedAt, i18n.language), to: formatDay(m.removedAt!, i18n.language) })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
