import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { parseForm, type FormErrors } from "~/utils/forms.server";
import { AddNextStepSchema, MarkNextStepDoneSchema } from "~/modules/partnership/schemas";
import { addPartnershipNextStep, markPartnershipNextStepDone, nextStepsByOwner } from "~/modules/next-steps/service.server";
import { AddAgreementSchema, AddDecisionSchema, AGREEMENT_KINDS, DECISION_METHODS, INFLUENCE_LEVELS, RELATIONSHIP_STAGES, SetStageSchema, StakeholderAnalysisSchema, SUPPORT_LEVELS } from "~/modules/partnership/schemas";
import { addAgreement, addDecision, addStakeholderAnalysis, getWorkspace, setRelationshipStage } from "~/modules/partnership/service.server";
import { FormError, Notice, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/ui/form";
export { PageErrorBoundary as ErrorBoundary } from "~/components/ui/error-page";

export const meta = titleMeta("titles.workspace");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "coalition:admin", "coalition");
  const [workspace, nextSteps] = await Promise.all([getWorkspace(actor.coalitionId), nextStepsByOwner(actor.coalitionId)]);
  return { ...workspace, nextSteps };
}

type ActionResult = FormErrors & { done?: string };

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "coalition:admin", "coalition");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "add-analysis") {
    const { heldOn, rows } = parseForm(formData, StakeholderAnalysisSchema);
    await addStakeholderAnalysis({ actor, heldOn, rows });
    return { done: "add-analysis" };
  }
  if (intent === "add-next-step") {
    const { intent: _intent, ...input } = parseForm(formData, AddNextStepSchema);
    await addPartnershipNextStep({ actor, input });
    return { done: "add-next-step" };
  }
  if (intent === "next-step-done") {
    const { nextStepId } = parseForm(formData, MarkNextStepDoneSchema);
    await markPartnershipNextStepDone({ actor, nextStepId, isConvener: actor.isConvener });
    return { done: "next-step-done" };
  }
  if (intent === "add-agreement") {
    const { intent: _intent, ...input } = parseForm(formData, AddAgreementSchema);
    await addAgreement({ actor, input });
    return { done: "add-agreement" };
  }
  const input = parseForm(formData, z.discriminatedUnion("intent", [SetStageSchema, AddDecisionSchema]));
  if (input.intent === "set-stage") await setRelationshipStage({ actor, organizationId: input.organizationId, stage: input.stage });
  else {
    const { intent: _i, ...rest } = input;
    await addDecision({ actor, input: rest });
  }
  return { done: input.intent };
}

export default function Workspace() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
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
      </section>

      <section className="card" aria-labelledby="agreements-title">
        <h2 id="agreements-title">{t("partnership.agreementsHeading")}</h2>
        {data.agreements.length === 0 ? <p className="muted">{t("partnership.noAgreements")}</p> : (
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
        )}
        <h3>{t("partnership.addAgreement")}</h3>
        <FormError message={errorsFor("add-agreement")?.formError} />
        <Form method="post" ref={agreementForm} noValidate className="grid-form">
          <SelectField label={t("partnership.partner")} name="organizationId" required placeholder={t("partnership.choosePartner")} options={data.partners.map((p) => ({ value: p.id, label: p.name }))} errors={errorsFor("add-agreement")?.fieldErrors?.organizationId} />
          <SelectField label={t("partnership.kind")} name="kind" required placeholder={t("partnership.chooseKind")} options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`partnership.kinds.${k}`) }))} errors={errorsFor("add-agreement")?.fieldErrors?.kind} />
          <TextField label={t("partnership.signedOn")} name="signedOn" type="date" errors={errorsFor("add-agreement")?.fieldErrors?.signedOn} />
          <TextField label={t("partnership.renewsOn")} name="renewsOn" type="date" errors={errorsFor("add-agreement")?.fieldErrors?.renewsOn} />
          <TextField label={t("partnership.notes")} name="notes" />
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
        <FormError message={errorsFor("add-next-step")?.formError} />
        <Form method="post" ref={stepForm} noValidate className="grid-form">
          <TextField label={t("partnership.what")} name="what" required errors={errorsFor("add-next-step")?.fieldErrors?.what} />
          <TextField label={t("partnership.owner")} name="ownerName" required errors={errorsFor("add-next-step")?.fieldErrors?.ownerName} />
          <SelectField label={t("partnership.ownerOrganization")} name="ownerOrganizationId" required placeholder={t("partnership.choosePartner")} options={data.partners.map((p) => ({ value: p.id, label: p.name }))} errors={errorsFor("add-next-step")?.fieldErrors?.ownerOrganizationId} />
          <TextField label={t("partnership.dueDate")} name="dueDate" type="date" required errors={errorsFor("add-next-step")?.fieldErrors?.dueDate} />
          <SelectField label={t("partnership.aboutPartner")} name="aboutOrganizationId" placeholder="—" options={data.partners.map((p) => ({ value: p.id, label: p.name }))} />
          <div className="grid-form__actions"><SubmitButton intent="add-next-step" pendingLabel={t("partnership.adding")}>{t("partnership.addNextStep")}</SubmitButton></div>
        </Form>
      </section>

      <section className="card" aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t("partnership.decisionsHeading")}</h2>
        {data.decisions.length === 0 ? <p className="muted">{t("partnership.noDecisions")}</p> : (
          <table className="table">
            <thead><tr><th scope="col">{t("partnership.decidedOn")}</th><th scope="col">{t("partnership.decision")}</th><th scope="col">{t("partnership.method")}</th><th scope="col">{t("partnership.present")}</th></tr></thead>
            <tbody>
              {data.decisions.map((d) => (
                <tr key={d.id}><td>{fmt(d.decidedOn)}</td><td>{d.decision}</td><td>{t(`partnership.methods.${d.method}`)}</td><td>{d.present}</td></tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t("partnership.addDecision")}</h3>
        <FormError message={errorsFor("add-decision")?.formError} />
        <Form method="post" ref={decisionForm} noValidate className="grid-form">
          <TextAreaField label={t("partnership.decision")} name="decision" rows={2} required errors={errorsFor("add-decision")?.fieldErrors?.decision} />
          <SelectField label={t("partnership.method")} name="method" required placeholder={t("partnership.choose")} options={DECISION_METHODS.map((m) => ({ value: m, label: t(`partnership.methods.${m}`) }))} errors={errorsFor("add-decision")?.fieldErrors?.method} />
          <TextField label={t("partnership.decidedOn")} name="decidedOn" type="date" defaultValue={today} required errors={errorsFor("add-decision")?.fieldErrors?.decidedOn} />
          <TextField label={t("partnership.present")} name="present" required errors={errorsFor("add-decision")?.fieldErrors?.present} />
          <div className="grid-form__actions"><SubmitButton intent="add-decision" pendingLabel={t("partnership.adding")}>{t("partnership.addDecision")}</SubmitButton></div>
        </Form>
      </section>
    </div>
  );
}
