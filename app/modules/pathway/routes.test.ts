/**
 * The pathway routes through the one error mapper (issue #16): the director's form saves and
 * publishes, the public form refuses without the attestation (400 naming the field) and a body
 * over the cap (413), and an unknown link's page is a 404.
 */
import { describe, expect, it } from "vitest";
import * as editor from "~/routes/_app.organization.pathways_.$serviceId";
import * as refer from "~/routes/refer.$token";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { createService } from "../../../tests/referral-factories";
import { settle, signedInRequester } from "../../../tests/helpers";

const FORM = { forWhomEn: "Adults", forWhomEs: "Adultos", notForEn: "Crisis: 988", notForEs: "Crisis: 988", whatToSendEn: "Visit note", whatToSendEs: "Nota", responseDays: "7", contactName: "Desk", contactPhone: "719-555-0150", contactEmail: "", publish: "on" };

describe("pathway routes", () => {
  it("saves and publishes, issues a link; the public form refuses without attestation and over the size cap", async () => {
    const world = await createTwoOrganizationWorld();
    const service = await createService(world.orgA.id, world.coalition.id, { name: "Pantry" });
    const as = await signedInRequester(world.directorA.email);
    const path = `/organization/pathways/${service.id}`;
    const saved = await settle(() => editor.action({ request: as.post(path, { intent: "save-pathway", ...FORM }), params: { serviceId: service.id }, context: {} } as never));
    expect(saved.body).toEqual({ saved: true });
    const issued = await settle(() => editor.action({ request: as.post(path, { intent: "issue-link", practiceName: "Valley", practiceEmail: "", days: "365" }), params: { serviceId: service.id }, context: {} } as never));
    const url = (issued.body as { issued: { url: string } }).issued.url;
    const token = url.split("/refer/")[1];

    const post = (fields: Record<string, string>) => new Request(`http://localhost/refer/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });
    const fields = { intent: "refer", clientName: "Rosa Delgado", birthDate: "1961-04-02", contact: "555-0199", sdohCode: "food-insecurity", reason: "Lost SNAP", providerName: "Dr. Ruiz", providerPhone: "555-0142", formToken: `${Date.now() - 10_000}.${"0".repeat(64)}`, website: "" };
    const refused = await settle(() => refer.action({ request: post(fields), params: { token }, context: {} } as never));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("attested");
    const tooLarge = await settle(() => refer.action({ request: post({ ...fields, reason: "x".repeat(20_000) }), params: { token }, context: {} } as never));
    expect(tooLarge.status).toBe(413);
    const unknown = await settle(() => refer.loader({ request: new Request("http://localhost/refer/x"), params: { token: "x" }, context: {} } as never));
    expect(unknown.status).toBe(404);
  });
});
