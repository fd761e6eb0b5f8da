/**
 * The web hooks page through its loader and action, as the browser calls them: directors only,
 * URL validation (400, nothing written), the secret shown once and stored encrypted, audit events.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { decryptField } from "~/utils/field-encryption.server";
import { secretContext } from "~/modules/referral/webhooks.server";
import * as webhooksPageModule from "~/routes/_app.organization.webhooks";
import { createTwoOrganizationWorld } from "../factories";
import { anonymousGet, settle, signedInRequester } from "../helpers";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const webhooksPage = withHttpErrors(webhooksPageModule);

const args = (request: Request) => ({ request, params: {}, context: {} });
const created: string[] = [];

// Nothing this file queues may be picked up later by another file's delivery passes in this worker.
afterAll(async () => {
  await db.webhookEndpoint.updateMany({ where: { id: { in: created } }, data: { revokedAt: new Date() } });
  await db.webhookDelivery.updateMany({ where: { endpointId: { in: created }, status: "PENDING" }, data: { status: "FAILED", lastError: "test cleanup" } });
});

describe("web hooks page", () => {
  it("signed-out visitors are sent to sign in; care managers are refused (403)", async () => {
    expect((await settle(() => webhooksPage.loader(args(anonymousGet("/organization/webhooks"))))).status).toBe(302);
    const world = await createTwoOrganizationWorld();
    const as = await signedInRequester(world.careManagerA.email);
    expect((await settle(() => webhooksPage.loader(args(as.get("/organization/webhooks"))))).status).toBe(403);
    const post = await settle(() => webhooksPage.action(args(as.post("/organization/webhooks", { intent: "register", url: "https://hooks.example.org/x", description: "Case system" }))));
    expect(post.status).toBe(403);
    expect(await db.webhookEndpoint.count({ where: { organizationId: world.orgA.id } })).toBe(0);
  });

  it("refuses a URL that is not https (400, a message on the field, nothing written)", async () => {
    const world = await createTwoOrganizationWorld();
    const as = await signedInRequester(world.directorA.email);
    for (const url of ["http://hooks.example.org/x", "ftp://hooks.example.org/x", "hooks.example.org", "https://user:secret@hooks.example.org/x"]) {
      const result = await settle(() => webhooksPage.action(args(as.post("/organization/webhooks", { intent: "register", url, description: "Case system" }))));
      expect(result.status).toBe(400);
      expect((result.body as { fieldErrors: Record<string, string[]> }).fieldErrors.url[0]).toMatch(/https|URL|user name/);
    }
    const noDescription = await settle(() => webhooksPage.action(args(as.post("/organization/webhooks", { intent: "register", url: "https://hooks.example.org/x", description: "" }))));
    expect(noDescription.status).toBe(400);
    expect(await db.webhookEndpoint.count({ where: { organizationId: world.orgA.id } })).toBe(0);
  });

  it("a director registers (secret shown once, stored encrypted, audited), sends a test event, sees it listed, and revokes", async () => {
    const world = await createTwoOrganizationWorld();
    const as = await signedInRequester(world.directorA.email);
    const result = await settle(() => webhooksPage.action(args(as.post("/organization/webhooks", { intent: "register", url: "https://hooks.example.org/referrals", description: "Case system" }))));
    expect(result.status).toBe(200);
    const { created: shown } = result.body as { created: { url: string; secret: string } };
    expect(shown.secret).toMatch(/^whsec_[\w-]{43}$/);
    const endpoint = await db.webhookEndpoint.findFirstOrThrow({ where: { organizationId: world.orgA.id } });
    created.push(endpoint.id);
    expect(endpoint).toMatchObject({ url: "https://hooks.example.org/referrals", description: "Case system", createdById: world.directorA.id, revokedAt: null });
    expect(endpoint.secretCipher).not.toContain(shown.secret);
    expect(decryptField(endpoint.secretCipher, secretContext(endpoint.id))).toBe(shown.secret);
    const registered = await db.auditEvent.findFirstOrThrow({ where: { action: "webhook.endpoint_registered", subjectId: endpoint.id } });
    expect(JSON.stringify(registered.metadata)).not.toContain(shown.secret);

    const tested = await settle(() => webhooksPage.action(args(as.post("/organization/webhooks", { intent: "test", endpointId: endpoint.id }))));
    expect(tested.body).toMatchObject({ tested: true });
    const page = await settle(() => webhooksPage.loader(args(as.get("/organization/webhooks"))));
    expect(page.status).toBe(200);
    const { endpoints } = page.body as Awaited<ReturnType<typeof webhooksPage.loader>>;
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]).toMatchObject({ id: endpoint.id, deliveries: [{ event: "ping", state: "pending", attempts: 0 }] });
    expect(JSON.stringify(page.body)).not.toContain("whsec_");

    // Another organization's director cannot revoke it.
    const other = await signedInRequester(world.directorB.email);
    expect((await settle(() => webhooksPage.action(args(other.post("/organization/webhooks", { intent: "revoke", endpointId: endpoint.id }))))).status).toBe(404);

    const revoked = await settle(() => webhooksPage.action(args(as.post("/organization/webhooks", { intent: "revoke", endpointId: endpoint.id }))));
    expect(revoked.body).toMatchObject({ revoked: true });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).revokedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "webhook.endpoint_revoked", subjectId: endpoint.id, actorUserId: world.directorA.id } })).toBe(1);
    const after = (await settle(() => webhooksPage.loader(args(as.get("/organization/webhooks"))))).body as { endpoints: unknown[] };
    expect(after.endpoints).toEqual([]);
  });
});
