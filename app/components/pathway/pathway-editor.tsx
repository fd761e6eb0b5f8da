/** The director's pathway page: the pathway form (EN and ES), then the practice links (issue once, list with status, revoke with confirmation). */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SerializeFrom } from "@remix-run/node";
import { IssueLinkSchema, LINK_DAYS, PathwaySchema } from "~/modules/pathway/schemas";
import { FormError, Notice, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { ConfirmTable } from "~/components/ui/confirm-table";
import { schemaField, useSchemaForm, type FormResult } from "~/components/ui/schema-form";
import type { getPathwayForEditor } from "~/modules/pathway/service.server";

export type EditorResult = { saved?: boolean; issued?: { practiceName: string; url: string }; revoked?: boolean };
type Data = SerializeFrom<Awaited<ReturnType<typeof getPathwayForEditor>>> & { origin: string };

export function PathwayEditor({ service, pathway, result }: Data & { result?: EditorResult & FormResult }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium" });
  const pathwayForm = useSchemaForm({ schema: PathwaySchema, result, intent: "save-pathway" });
  const linkForm = useSchemaForm({ schema: IssueLinkSchema, result: result?.issued ? undefined : result, intent: "issue-link" });
  const f = pathwayForm.fields;
  const text = (name: "forWhom" | "notFor" | "whatToSend") => (
    <fieldset className="stack">
      <legend>{t(`pathways.editor.${name}`)}</legend>
      <TextAreaField label={t("pathways.editor.english")} rows={3} defaultValue={pathway?.[`${name}En`] ?? ""} {...schemaField(f[`${name}En`])} />
      <TextAreaField label={t("pathways.editor.spanish")} lang="es" rows={3} defaultValue={pathway?.[`${name}Es`] ?? ""} {...schemaField(f[`${name}Es`])} />
    </fieldset>
  );
  return (
    <div className="stack">
      <p><Link to="/organization/pathways">← {t("pathways.editor.back")}</Link></p>
      <header className="page-header">
        <h1>{t("pathways.editor.title", { name: service.name })}</h1>
        <p className="muted">{t("pathways.editor.fitCriteria")}</p>
        {pathway?.publishedAt ? (
          <p><Link to={`/pathways/${pathway.slug}`}>{t("pathways.editor.publicPage")}</Link></p>
        ) : null}
      </header>
      <section className="card" aria-labelledby="pathway-form-title">
        <h2 id="pathway-form-title">{t("pathways.admin.state")}</h2>
        {result?.saved ? <Notice>{t("pathways.editor.saved")}</Notice> : null}
        <FormError message={pathwayForm.form.error} />
        <Form method="post" className="stack" {...pathwayForm.form.props}>
          {text("forWhom")}
          {text("notFor")}
          {text("whatToSend")}
          <TextField label={t("pathways.editor.responseDays")} type="number" inputMode="numeric" defaultValue={pathway?.responseDays ?? 7} {...schemaField(f.responseDays)} />
          <TextField label={t("pathways.editor.contactName")} defaultValue={pathway?.contactName ?? ""} {...schemaField(f.contactName)} />
          <TextField label={t("pathways.editor.contactPhone")} type="tel" defaultValue={pathway?.contactPhone ?? ""} {...schemaField(f.contactPhone)} />
          <TextField label={t("pathways.editor.contactEmail")} type="email" defaultValue={pathway?.contactEmail ?? ""} {...schemaField(f.contactEmail)} />
          <label className="checkbox">
            <input type="checkbox" name="publish" value="on" defaultChecked={!!pathway?.publishedAt} /> {t("pathways.editor.publish")}
          </label>
          <SubmitButton intent="save-pathway" pendingLabel={t("pathways.editor.saving")}>{t("pathways.editor.save")}</SubmitButton>
        </Form>
      </section>
      <section className="card" aria-labelledby="links-title">
        <h2 id="links-title">{t("pathways.editor.linksTitle")}</h2>
        <p className="muted">{t("pathways.editor.linksIntro")}</p>
        {result?.issued ? (
          <Notice>
            <p>{t("pathways.editor.newLink", { practice: result.issued.practiceName })}</p>
            <p className="invite-link"><code data-testid="practice-link">{result.issued.url}</code></p>
            <p className="muted">{t("pathways.editor.copyHint")}</p>
          </Notice>
        ) : null}
        {pathway?.publishedAt ? (
          <>
            <FormError message={linkForm.form.error} />
            <Form method="post" className="inline-fields" {...linkForm.form.props}>
              <TextField label={t("pathways.editor.practiceName")} {...schemaField(linkForm.fields.practiceName)} />
              <TextField label={t("pathways.editor.practiceEmail")} type="email" {...schemaField(linkForm.fields.practiceEmail)} />
              <TextField label={t("pathways.editor.days")} type="number" inputMode="numeric" defaultValue={LINK_DAYS.default} {...schemaField(linkForm.fields.days)} />
              <SubmitButton intent="issue-link" pendingLabel={t("pathways.editor.issuing")}>{t("pathways.editor.issue")}</SubmitButton>
            </Form>
          </>
        ) : (
          <p className="muted">{t("pathways.editor.publishFirst")}</p>
        )}
        {!pathway || pathway.links.length === 0 ? (
          <p className="muted">{t("pathways.editor.noLinks")}</p>
        ) : (
          <ConfirmTable
            rows={pathway.links}
            rowKey={(l) => l.id}
            columns={[
              { header: t("pathways.editor.practice"), cell: (l) => l.practiceName },
              { header: t("pathways.editor.status"), cell: (l) => t(`pathways.editor.statuses.${l.status}`) },
              { header: t("pathways.editor.expires"), cell: (l) => date.format(new Date(l.expiresAt)) },
              { header: t("pathways.editor.referrals"), cell: (l) => String(l.referrals) },
            ]}
            actionHeader={t("pathways.editor.revoke")}
            action={(l) =>
              l.status === "active"
                ? {
                    label: (
                      <>
                        {t("pathways.editor.revoke")}
                        <span className="visually-hidden"> {l.practiceName}</span>
                      </>
                    ),
                    question: t("pathways.editor.revokeConfirm", { practice: l.practiceName }),
                    confirmLabel: t("pathways.editor.revoke"),
                    hidden: { intent: "revoke-link", linkId: l.id },
                  }
                : null
            }
          />
        )}
      </section>
    </div>
  );
}
