/**
 * The client's written copy of the care plan as a PDF (issue #15, ADR 102), through the route's
 * loader as the server serves it: the PDF's text, extracted from its pages, is in the client's
 * language (Spanish accents intact, whatever the care manager's screen is in) or in English; the
 * download is audited like the printable page (its format recorded); another organization gets 404.
 */
import { describe, expect, it } from "vitest";
import { withHttpErrors } from "~/utils/http-errors.server";
import { db } from "~/utils/db.server";
import * as pdfRoute from "~/routes/clients.$clientId.plan.copy.pdf";
import { achieveGoal, addGoal, addStep, enrollClient } from "~/modules/care/service.server";
import { createTwoOrganizationWorld } from "../factories";
import { actorFor, createClient, isoDay } from "../consent-factories";
import { settle, signedInRequester } from "../helpers";
import { pdfTextLines } from "../pdf-text";

const route = withHttpErrors(pdfRoute);

async function clientWithPlan(language: "en" | "es", name: string, goals: string[], step: string) {
  const world = await createTwoOrganizationWorld();
  await db.organization.update({ where: { id: world.orgA.id }, data: { phone: "555-0142" } });
  const cm = actorFor(world.careManagerA.id, world.orgA.id);
  const clientId = await createClient(cm, { name, preferredLanguage: language });
  await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
  const ids = [];
  for (const text of goals) ids.push((await addGoal({ actor: cm, clientId, input: { text } })).goalId);
  await addStep({ actor: cm, clientId, input: { goalId: ids[0], text: step, owner: "PARTNER", partnerOrganizationId: world.orgB.id, dueOn: isoDay(3) } });
  await achieveGoal({ actor: cm, clientId, input: { goalId: ids[ids.length - 1], note: "Team note: not for the copy" } });
  return { world, clientId };
}

async function download(email: string, clientId: string) {
  const requester = await signedInRequester(email);
  const request = requester.get(`/clients/${clientId}/plan/copy/pdf`);
  const response = (await route.loader({ request, params: { clientId }, context: {} })) as Response;
  return response;
}

describe("the written copy as a PDF", () => {
  it("is in Spanish for a Spanish-speaking client, accents and all; audited as a PDF read", async () => {
    const { world, clientId } = await clientWithPlan("es", "María Elena Ortíz", ["Volver a la iglesia los domingos", "Ver a mis nietos cada semana — ¡pronto!"], "Despensa los viernes: arroz y frijoles");
    const response = await download(world.careManagerA.email, clientId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="care-plan-es-/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe("%PDF-");
    const lines = pdfTextLines(bytes);
    const text = lines.join("\n");
    expect(lines[0]).toBe("Mi plan de cuidado");
    expect(text).toContain("Para María Elena Ortíz");
    expect(text).toContain("Su gestor o gestora de casos");
    expect(text).toContain("Care Manager A");
    expect(text).toContain("Teléfono: 555-0142");
    expect(text).toContain("Meta 1");
    expect(text).toContain("Volver a la iglesia los domingos");
    expect(text).toContain("• Despensa los viernes: arroz y frijoles");
    expect(text).toMatch(/Org B, para el \d/);
    // The achieved goal is listed as achieved, not as a goal to work on; the team's note never printed.
    expect(text).toContain("• Ver a mis nietos cada semana — ¡pronto!");
    expect(text).not.toContain("Meta 2");
    expect(text).not.toContain("Team note");
    expect(text).not.toMatch(/My care plan|Your care manager|Next steps/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "care.written_copy_viewed", subjectId: clientId } });
    expect(audit.metadata).toMatchObject({ format: "pdf", language: "es" });
    expect(JSON.stringify(audit.metadata)).not.toContain("iglesia");
  });

  it("is in English for an English-speaking client", async () => {
    const { world, clientId } = await clientWithPlan("en", "Sam Lee", ["Get back to church", "Cook dinner for my kids"], "Deliver groceries on Friday");
    const lines = pdfTextLines(new Uint8Array(await (await download(world.careManagerA.email, clientId)).arrayBuffer()));
    const text = lines.join("\n");
    expect(lines[0]).toBe("My care plan");
    expect(text).toContain("For Sam Lee");
    expect(text).toContain("Your care manager");
    expect(text).toContain("Phone: 555-0142");
    expect(text).toContain("Goal 1");
    expect(text).toContain("Get back to church");
    expect(text).toMatch(/Org B, by /);
    expect(text).toContain("What you have achieved");
    expect(text).toContain("We have not gone over this plan together yet.");
  });

  it("another organization gets a 404 and no PDF; the refusal audited", async () => {
    const { world, clientId } = await clientWithPlan("en", "Kept Private", ["A goal"], "A step");
    const outsider = await signedInRequester(world.directorB.email);
    const result = await settle(() => route.loader({ request: outsider.get(`/clients/${clientId}/plan/copy/pdf`), params: { clientId }, context: {} }));
    expect(result.status).toBe(404);
    expect(JSON.stringify(result.body)).not.toContain("Kept Private");
    const refusal = await db.auditEvent.findFirstOrThrow({ where: { action: "care.written_copy_refused", subjectId: clientId } });
    expect(refusal.metadata).toMatchObject({ format: "pdf" });
  });
});
