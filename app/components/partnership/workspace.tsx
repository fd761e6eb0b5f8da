/**
 * The partnership workspace: relationship stages, agreements, the stakeholder analysis, shared
 * next steps and decisions, each with its form. The route keeps the loader and the action.
 */
import { Form } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FormErrors } from "~/utils/forms.server";
import { AddAgreementSchema, AddDecisionSchema, AddNextStepSchema, AGREEMENT_KINDS, DECISION_METHODS, INFLUENCE_LEVELS, RELATIONSHIP_STAGES, SUPPORT_LEVELS } from "~/modules/partnership/schemas";
import type { getWorkspace } from "~/modules/partnership/service.server";
import type { nextStepsByOwner } from "~/modules/next-steps/service.server";
import { FormError, Notice, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
import { schemaField, useSchemaForm } from "~/components/ui/schema-form";
import { ScrollTable } from "~/components/ui/scroll-table";

export type WorkspaceData = Awaited<ReturnType<typeof getWorkspace>> & { nextSteps: Awaited<ReturnType<typeof nextStepsByOwner>> };
export type WorkspaceResult = FormErrors & { done?: string };

export function PartnershipWorkspace({ data, actionData }: { data: WorkspaceData; actionData?: WorkspaceResult }) {
  const { t, i18n } = useTranslation();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "UTC" });
  const fmt = (d: string | null) => (d ? dateFormat.format(new Date(`${d}T00:00:00Z`)) : "—");
  const today = new Date().toISOString().slice(0, 10);
  const [rows, setRows] = useState(3);
  const agreementForm = useRef<HTMLFormElement>(null);
  const decisionForm = useRef<HTMLFormElement>(null);
  const stepForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (actionData?.done === "add-agreement") agreementForm.current?.reset();
    if (actionData?.done === "add-decision") decisionForm.current?.reset();
    if (actionData?.done === "add-next-step") stepForm.current?.reset();
  }, [actionData]);
  // The agreement, next step and decision forms check with their actions' schemas (ADR 077); an answer is a form's only when it names its intent.
  const pending = actionData?.done ? undefined : actionData;
  const agreement = useSchemaForm({ schema: AddAgreementSchema, result: pending, intent: "add-agreement" });
  const step = useSchemaForm({ schema: AddNextStepSchema, result: pending, intent: "add-next-step" });
  const decision = useSchemaForm({ schema: AddDecisionSchema, result: pending, intent: "add-decision" });
  const stageOptions = RELATIONSHIP_STAGES.map((s) => ({ value: s, label: t(`partnership.stages.${s}`) }));

  return (
    <div className="stack">
      <header className="page-header">
        <h1>{t("partnership.title")}</h1>
        <p className="muted">{t("partnership.intro")}</p>
      </header>
      {actionData?.done ? <Notice>{t("partnership.saved")}</Notice> : null}

      <section className="card" aria-labelledby="stages-title">
        <h2 id="stages-title">{t("partnership.stagesHeading")}</h2>
        <p className="tags">
          {RELATIONSHIP_STAGES.map((s) => {
            const count = data.partners.filter((p) => p.stage === s).length;
            return count ? <span key={s} className="tag">{t("partnership.stageCounts", { count, stage: t(`partnership.stages.${s}`) })}</span> : null;
          })}
        </p>
        <FormError message={errorsFor("set-stage")?.formError} />
        <ScrollTable name={t("partnership.stagesHeading")}>
        <table className="table">
          <thead><tr><th scope="col">{t("partnership.partner")}</th><th scope="col">{t("partnership.stage")}</th></tr></thead>
          <tbody>
            {data.partners.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>
                  <Form method="post" className="stage-form">
                    <input type="hidden" name="intent" value="set-stage" />
                    <input type="hidden" name="organizationId" value={p.id} />
                    <label className="visually-hidden" htmlFor={`stage-${p.id}`}>{t("partnership.stage")}: {p.name}</label>
                    <select id={`stage-${p.id}`} name="stage" defaultValue={p.stage}>
                      {stageOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                    </select>
                    <button type="submit" className="button button--small">{t("partnership.save")}<span className="visually-hidden"> {p.name}</span></button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollTable>
      </section>

      <section className="card" aria-labelledby="agreements-title">
        <h2 id="agreements-title">{t("partnership.agreementsHeading")}</h2>
        {data.agreements.length === 0 ? <p className="muted">{t("partnership.noAgreements")}</p> : (
          <ScrollTable name={t("partnership.agreementsHeading")}>
          <table className="table">
            <thead><tr><th scope="col">{t("partnership.partner")}</th><th scope="col">{t("partnership.kind")}</th><th scope="col">{t("partnership.signedOn")}</th><th scope="col">{t("partnership.renewsOn")}</th></tr></thead>
            <tbody>
              {data.agreements.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.organization}</th>
                  <td>{t(`partnership.kinds.${a.kind}`)}{a.notes ? <div className="muted small">{a.notes}</div> : null}</td>
                  <td>{fmt(a.signedOn)}</td>
                  <td>
                    {fmt(a.renewsOn)}
                    {a.renewal ? <span className={`status ${a.renewal === "overdue" ? "status--offTrack" : "status--noData"}`}> {a.renewal === "overdue" ? t("partnership.renewalOverdue") : t("partnership.renewalSoon")}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollTable>
        )}
        <h3>{t("partnership.addAgreement")}</h3>
        <FormError message={agreement.form.error} />
        <Form method="post" ref={agreementForm} className="grid-form" {...agreement.form.props}>
          <SelectField label={t("partnership.partner")} placeholder={t("partnership.choosePartner")} options={data.partners.map((p) => ({ value: p.id, label: p.name }))} {...schemaField(agreement.fields.organizationId)} />
          <SelectField label={t("partnership.kind")} placeholder={t("partnership.chooseKind")} options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`partnership.kinds.${k}`) }))} {...schemaField(agreement.fields.kind)} />
          <TextField label={t("partnership.signedOn")} type="date" {...schemaField(agreement.fields.signedOn)} />
          <TextField label={t("partnership.renewsOn")} type="date" {...schemaField(agreement.fields.renewsOn)} />
          <TextField label={t("partnership.notes")} {...schemaField(agreement.fields.notes)} />
          <div className="grid-form__actions"><SubmitButton intent="add-agreement" pendingLabel={t("partnership.adding")}>{t("partnership.addAgreement")}</SubmitButton></div>
        </Form>
      </section>

      <section className="card" aria-labelledby="analysis-title">
        <h2 id="analysis-title">{t("partnership.analysisHeading")}</h2>
        <p className="muted">{t("partnership.analysisIntro")}</p>
        {!data.analysis ? <p className="muted">{t("partnership.noAnalysis")}</p> : (
          <>
            <p>
              <strong>{t("partnership.heldOn", { date: fmt(data.analysis.heldOn) })}</strong>
              {data.analysis.previousHeldOn ? <span className="muted"> · {t("partnership.comparedWith", { date: fmt(data.analysis.previousHeldOn) })}</span> : null}
            </p>
            {data.analysis.dueAgain ? <p className="alert">{t("partnership.analysisDue")}</p> : null}
            <ScrollTable name={t("partnership.analysisHeading")}>
            <table className="table">
              <thead><tr><th scope="col">{t("partnership.group")}</th><th scope="col">{t("partnership.support")}</th><th scope="col">{t("partnership.influence")}</th><th scope="col">{t("partnership.change")}</th><th scope="col">{t("partnership.actionSteps")}</th></tr></thead>
              <tbody>
                {data.analysis.entries.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{e.group}</th>
                    <td>{t(`partnership.supportLevels.${e.support}`)}</td>
                    <td>{t(`partnership.influenceLevels.${e.influence}`)}</td>
                    <td>{e.change === null ? t("partnership.changeNew") : e.change > 0 ? t("partnership.changeUp", { n: e.change }) : e.change < 0 ? t("partnership.changeDown", { n: e.change }) : t("partnership.changeNone")}</td>
                    <td>{e.actionSteps}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </ScrollTable>
          </>
        )}
        <details className="new-analysis">
          <summary>{t("partnership.newAnalysis")}</summary>
          <FormError message={errorsFor("add-analysis")?.formError ?? errorsFor("add-analysis")?.fieldErrors?.group?.[0]} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="add-analysis" />
            <TextField label={t("partnership.analysisDate")} name="heldOn" type="date" defaultValue={today} required />
            {Array.from({ length: rows }, (_, i) => (
              <fieldset key={i} className="checkbox-group grid-form">
                <legend>{t("partnership.row", { n: i + 1 })}</legend>
                <TextField label={t("partnership.group")} name="group" defaultValue={data.analysis?.entries[i]?.group ?? ""} />
                <SelectField label={t("partnership.support")} name="support" placeholder={t("partnership.choose")} defaultValue={data.analysis?.entries[i]?.support ?? ""} options={SUPPORT_LEVELS.map((s) => ({ value: s, label: t(`partnership.supportLevels.${s}`) }))} />
                <SelectField label={t("partnership.influence")} name="influence" placeholder={t("partnership.choose")} defaultValue={data.analysis?.entries[i]?.influence ?? ""} options={INFLUENCE_LEVELS.map((s) => ({ value: s, label: t(`partnership.influenceLevels.${s}`) }))} />
                <TextField label={t("partnership.actionSteps")} name="actionSteps" defaultValue={data.analysis?.entries[i]?.actionSteps ?? ""} />
              </fieldset>
            ))}
            <p>
              <button type="button" className="button button--small" onClick={() => setRows((n) => n + 1)}>+ {t("partnership.group")}</button>
            </p>
            <SubmitButton pendingLabel={t("partnership.adding")}>{t("partnership.saveAnalysis")}</SubmitButton>
          </Form>
        </details>
      </section>

      <section className="card" aria-labelledby="steps-title">
        <h2 id="steps-title">{t("partnership.nextStepsHeading")}</h2>
        <p className="muted">{t("partnership.nextStepsIntro")}</p>
        {data.nextSteps.length === 0 ? <p className="muted">{t("partnership.noNextSteps")}</p> : (
          <div className="owner-groups">
            {data.nextSteps.map((group) => (
              <section key={group.organization.id} className="owner-group" aria-labelledby={`owner-${group.organization.id}`}>
                <h3 id={`owner-${group.organization.id}`}>{group.organization.name}</h3>
                <ul className="next-steps">
                  {group.steps.map((step) => (
                    <li key={step.id} className={step.doneAt ? "next-step next-step--done" : step.overdue ? "next-step next-step--overdue" : "next-step"}>
                      <strong>{step.what}</strong> — {step.ownerName}
                      <div className="muted small">
                        {step.conference ? t("partnership.fromConference", { title: step.conference.title }) : t("partnership.fromWorkspace")}
                        {step.about ? ` · ${t("partnership.about", { name: step.about })}` : ""}
                        {" · "}{t("partnership.due", { date: fmt(step.dueDate) })}
                        {step.doneAt ? ` · ${t("partnership.done")}` : step.overdue ? ` · ${t("partnership.overdue")}` : ""}
                      </div>
                      {!step.doneAt && step.source === "PARTNERSHIP" ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="nextStepId" value={step.id} />
                          <button type="submit" name="intent" value="next-step-done" className="button button--small">{t("partnership.markDone")}<span className="visually-hidden">: {step.what}</span></button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
        <h3>{t("partnership.addNextStep")}</h3>
        <FormError message={step.form.error} />
        <Form method="post" ref={stepForm} className="grid-form" {...step.form.props}>
          <TextField label={t("partnership.what")} {...schemaField(step.fields.what)} />
          <TextField label={t("partnership.owner")} {...schemaField(step.fields.ownerName)} />
          <SelectField label={t("partnership.ownerOrganization")} placeholder={t("partnership.choosePartner")} options={data.partners.map((p) => ({ value: p.id, label: p.name }))} {...schemaField(step.fields.ownerOrganizationId)} />
          <TextField label={t("partnership.dueDate")} type="date" {...schemaField(step.fields.dueDate)} />
          <SelectField label={t("partnership.aboutPartner")} placeholder="—" options={data.partners.map((p) => ({ value: p.id, label: p.name }))} {...schemaField(step.fields.aboutOrganizationId)} />
          <div className="grid-form__actions"><SubmitButton intent="add-next-step" pendingLabel={t("partnership.adding")}>{t("partnership.addNextStep")}</SubmitButton></div>
        </Form>
      </section>

      <section className="card" aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t("partnership.decisionsHeading")}</h2>
        {data.decisions.length === 0 ? <p className="muted">{t("partnership.noDecisions")}</p> : (
          <ScrollTable name={t("partnership.decisionsHeading")}>
          <table className="table">
            <thead><tr><th scope="col">{t("partnership.decidedOn")}</th><th scope="col">{t("partnership.decision")}</th><th scope="col">{t("partnership.method")}</th><th scope="col">{t("partnership.present")}</th></tr></thead>
            <tbody>
              {data.decisions.map((d) => (
                <tr key={d.id}><td>{fmt(d.decidedOn)}</td><td>{d.decision}</td><td>{t(`partnership.methods.${d.method}`)}</td><td>{d.present}</td></tr>
              ))}
            </tbody>
          </table>
          </ScrollTable>
        )}
        <h3>{t("partnership.addDecision")}</h3>
        <FormError message={decision.form.error} />
        <Form method="post" ref={decisionForm} className="grid-form" {...decision.form.props}>
          <TextAreaField label={t("partnership.decision")} rows={2} {...schemaField(decision.fields.decision)} />
          <SelectField label={t("partnership.method")} placeholder={t("partnership.choose")} options={DECISION_METHODS.map((m) => ({ value: m, label: t(`partnership.methods.${m}`) }))} {...schemaField(decision.fields.method)} />
          <TextField label={t("partnership.decidedOn")} type="date" defaultValue={today} {...schemaField(decision.fields.decidedOn)} />
          <TextField label={t("partnership.present")} {...schemaField(decision.fields.present)} />
          <div className="grid-form__actions"><SubmitButton intent="add-decision" pendingLabel={t("partnership.adding")}>{t("partnership.addDecision")}</SubmitButton></div>
        </Form>
      </section>
    </div>
  );
}
