/**
 * The client's written copy of the care plan (issue #15, ADR 098), through the route's loader as
 * the server serves it: in the client's preferred language (Spanish here, whatever the care
 * manager's screen is in), goals in the client's own order, the next steps still to do with who and
 * by when, the care manager's name and how to reach them; the read is audited; another
 * organization gets a 404. The printed document is rendered on the server in that language.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withHttpErrors } from "~/utils/http-errors.server";
import { db } from "~/utils/db.server";
import { translatorForLocale } from "~/i18n/translators";
import * as copyRoute from "~/routes/_app.clients.$clientId.plan_.copy";
import * as planRoute from "~/routes/_app.clients.$clientId.plan";
import { addGoal, addStep, completeStep, enrollClient, moveGoal } from "~/modules/care/service.server";
import type { WrittenCopy } from "~/modules/care/written-copy.server";
import { WrittenCopyDocument } from "~/components/care/written-copy";
import { createTwoOrganizationWorld } from "../factories";
import { actorFor, createClient, isoDay } from "../consent-factories";
import { settle, signedInRequester } from "../helpers";

const route = withHttpErrors(copyRoute);
const clientSuffix = () => crypto.randomUUID().slice(0, 8);
const plan = withHttpErrors(planRoute);

describe("the client's written copy of the plan", () => {
  it("is in Spanish for a Spanish-speaking client, goals in the client's order, who does what by when, audited", async () => {
    const world = await createTwoOrganizationWorld();
    await db.organization.update({ where: { id: world.orgA.id }, data: { phone: "555-0142" } });
    const cm = actorFor(world.careManagerA.id, world.orgA.id);
    const clientId = await createClient(cm, { name: "María Elena Ortiz", preferredLanguage: "es" });
    await enrollClient({ actor: cm, clientId, input: { program: "Atención reforzada" } });
    const church = await addGoal({ actor: cm, clientId, input: { text: "Volver a la iglesia los domingos" } });
    const grandchildren = await addGoal({ actor: cm, clientId, input: { text: "Ver a mis nietos cada semana" } });
    // The client puts the grandchildren first.
    await moveGoal({ actor: cm, clientId, input: { goalId: grandchildren.goalId, direction: "up" } });
    await addStep({ actor: cm, clientId, input: { goalId: grandchildren.goalId, text: "Pedir el pase de autobús", owner: "CLIENT", dueOn: isoDay(5) } });
    await addStep({ actor: cm, clientId, input: { goalId: church.goalId, text: "Despensa los viernes", owner: "PARTNER", partnerOrganizationId: world.orgB.id, dueOn: isoDay(3) } });
    const done = await addStep({ actor: cm, clientId, input: { goalId: church.goalId, text: "Llamar a la parroquia", owner: "CARE_MANAGER", dueOn: isoDay(2) } });
    await completeStep({ actor: cm, clientId, input: { stepId: done.stepId } });

    const requester = await signedInRequester(world.careManagerA.email);
    const result = await settle(() => route.loader({ request: requester.get(`/clients/${clientId}/plan/copy`), params: { clientId }, context: {} }));
    expect(result.status).toBe(200);
    const { copy, printedOn } = result.body as { copy: WrittenCopy; printedOn: string };
    expect(copy).toMatchObject({ language: "es", languageFallback: false, client: { name: "María Elena Ortiz" }, careManager: { name: "Care Manager A", email: world.careManagerA.email }, organization: { phone: "555-0142" } });
    expect(copy.goals.map((g) => g.text)).toEqual(["Ver a mis nietos cada semana", "Volver a la iglesia los domingos"]);
    // Only the steps still to do.
    expect(copy.goals[1].steps.map((s) => s.text)).toEqual(["Despensa los viernes"]);
    expect(await db.auditEvent.count({ where: { action: "care.written_copy_viewed", subjectId: clientId } })).toBe(1);

    const html = renderToStaticMarkup(createElement(WrittenCopyDocument, { copy, t: translatorForLocale(copy.language), printedOn }));
    expect(html).toContain('lang="es"');
    expect(html).toContain("Mi plan de cuidado");
    expect(html).toContain("Su gestor o gestora de casos");
    expect(html).toContain("Care Manager A");
    expect(html).toContain("Teléfono: 555-0142");
    expect(html).toContain("Meta 1");
    expect(html).toContain("Usted, para el");
    expect(html).toContain("Org B, para el");
    expect(html.indexOf("Ver a mis nietos")).toBeLessThan(html.indexOf("Volver a la iglesia"));
    expect(html).not.toContain("Llamar a la parroquia");
    expect(html).not.toMatch(/My care plan|Your care manager|Next steps/);
  });

  it("a language the copy is not written in gets English, and says so; another organization gets a 404", async () => {
    const world = await createTwoOrganizationWorld();
    const cm = actorFor(world.careManagerA.id, world.orgA.id);
    const clientId = await createClient(cm, { preferredLanguage: "other" });
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const requester = await signedInRequester(world.careManagerA.email);
    const mine = await settle(() => route.loader({ request: requester.get(`/clients/${clientId}/plan/copy`), params: { clientId }, context: {} }));
    expect((mine.body as { copy: WrittenCopy }).copy).toMatchObject({ language: "en", languageFallback: true });

    const outsider = await signedInRequester(world.directorB.email);
    const theirs = await settle(() => route.loader({ request: outsider.get(`/clients/${clientId}/plan/copy`), params: { clientId }, context: {} }));
    expect(theirs.status).toBe(404);
    expect(await db.auditEvent.count({ where: { action: "care.written_copy_refused", subjectId: clientId } })).toBe(1);
  });

  it("the plan page's action takes the graduation forms: readiness, then a refused handoff answers on the practice field", async () => {
    const world = await createTwoOrganizationWorld();
    const practice = await db.organization.create({ data: { slug: `practice-${clientSuffix()}`, name: "Northside Clinic", kind: "PRIMARY_CARE", coalitions: { create: { coalitionId: world.coalition.id } } } });
    const cm = actorFor(world.careManagerA.id, world.orgA.id);
    const clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    const requester = await signedInRequester(world.careManagerA.email);
    const post = (fields: Record<string, string>) => settle(() => plan.action({ request: requester.post(`/clients/${clientId}/plan`, fields), params: { clientId }, context: {} }));
    expect((await post({ intent: "record-readiness", goalsMet: "on", selfManagement: "on", stableLevel: "on" })).body).toMatchObject({ done: "record-readiness" });
    const loaded = await settle(() => plan.loader({ request: requester.get(`/clients/${clientId}/plan`), params: { clientId }, context: {} }));
    expect(loaded.body).toMatchObject({ graduation: { readiness: { ready: true } }, practices: [{ id: practice.id, name: "Northside Clinic" }] });
    const refused = await post({ intent: "graduate", practiceOrganizationId: practice.id, goalsAchieved: "a", whatContinues: "b", whoToCall: "c" });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ fieldErrors: { practiceOrganizationId: [expect.stringContaining("Care plan and goals")] } });
    const printOnly = await post({ intent: "graduate", practiceOrganizationId: "", goalsAchieved: "a", whatContinues: "b", whoToCall: "c" });
    expect(printOnly.body).toMatchObject({ done: "graduate", handoff: "print-only" });
  });
});
