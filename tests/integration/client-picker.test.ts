/**
 * The client picker (ADR 104): the search-as-you-type route finds the organization's own clients by
 * whole words of the name through the blind indexes, decrypts at most ten, never another
 * organization's; q is bounded (400 naming it); the send form's page lists no client, pre-fills
 * only its own, and answers a no-JavaScript name search with the matches; the action still
 * refuses another organization's client.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as searchModule from "~/routes/api.clients.search";
import * as newReferralModule from "~/routes/_app.referrals.new";
import { createClient } from "../consent-factories";
import { createReferralWorld } from "../referral-factories";
import { settle, signedInRequester } from "../helpers";

const search = withHttpErrors(searchModule);
const newReferral = withHttpErrors(newReferralModule);
const args = (request: Request) => ({ request, params: {}, context: {} });
type SearchBody = { clients: { id: string; name: string; birthDate: string }[]; more: boolean; error?: string; fieldErrors?: Record<string, string[]> };

describe("the client picker", () => {
  it("finds own clients by any whole word of the name, in any order and without accents, and never another organization's", async () => {
    const world = await createReferralWorld();
    const other = await createClient(world.outsider, { name: "Rosalind Otherorg" });
    const as = await signedInRequester(world.careManagerA.email);
    const ask = async (q: string) => {
      const r = await settle(() => search.loader(args(as.get(`/api/clients/search?${new URLSearchParams({ q })}`))));
      return { status: r.status, body: r.body as SearchBody };
    };
    expect((await ask("featherstonehaugh")).body.clients.map((c) => [c.id, c.name, c.birthDate])).toEqual([[world.clientId, "Rosalind Featherstonehaugh", "1961-03-04"]]);
    expect((await ask("Featherstonehaugh ROSALIND")).body.clients.map((c) => c.id)).toEqual([world.clientId]);
    // "Rosalind" alone: only organization A's client, not C's namesake.
    const rosalind = (await ask("Rosalind")).body;
    expect(rosalind.clients.map((c) => c.id)).toEqual([world.clientId]);
    expect(rosalind.clients.map((c) => c.id)).not.toContain(other);
    expect((await ask("Nobody")).body).toEqual({ clients: [], more: false });
    // C's own search finds its own.
    const outsider = await signedInRequester(world.careManagerC.email);
    const cRes = await settle(() => search.loader(args(outsider.get("/api/clients/search?q=rosalind"))));
    expect((cRes.body as SearchBody).clients.map((c) => c.id)).toEqual([other]);
  });

  it("decrypts and returns at most ten matches and says there are more", async () => {
    const world = await createReferralWorld();
    for (let i = 0; i < 12; i++) await createClient(world.custodian, { name: `Manyname Person${String.fromCharCode(97 + i)}x` });
    const as = await signedInRequester(world.careManagerA.email);
    const r = await settle(() => search.loader(args(as.get("/api/clients/search?q=manyname"))));
    const body = r.body as SearchBody;
    expect(body.clients).toHaveLength(10);
    expect(body.more).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "client.search_viewed", organizationId: world.orgA.id }, orderBy: { occurredAt: "desc" } });
    expect(audit.metadata).toEqual({ count: 10 });
  });

  it("bounds q: empty or over 100 characters is a 400 naming q, in the page's language", async () => {
    const world = await createReferralWorld();
    const as = await signedInRequester(world.careManagerA.email);
    const empty = await settle(() => search.loader(args(as.get("/api/clients/search?q=%20"))));
    expect(empty.status).toBe(400);
    expect((empty.body as SearchBody).error).toBe("Type a word of the client's name");
    const long = await settle(() => search.loader(args(as.get(`/api/clients/search?q=${"a".repeat(101)}&lng=es`))));
    expect(long.status).toBe(400);
    expect((long.body as SearchBody).error).toBe("Escriba como máximo 100 caracteres del nombre");
  });

  it("needs a signed-in member who may read clients", async () => {
    const anonymous = await settle(() => search.loader(args(new Request("http://localhost/api/clients/search?q=rosalind"))));
    expect([302, 401]).toContain(anonymous.status);
  });

  it("the send form lists no client, pre-fills only its own, and answers a no-JavaScript search with matches", async () => {
    const world = await createReferralWorld();
    const foreign = await createClient(world.outsider, { name: "Foreign Person" });
    const as = await signedInRequester(world.careManagerA.email);
    const page = async (query: string) => (await settle(() => newReferral.loader(args(as.get(`/referrals/new?${query}`))))).body as Record<string, unknown> & { prefill: { clientId: string } };
    const plain = await page("");
    expect(plain).not.toHaveProperty("clients");
    expect(plain.hasClients).toBe(true);
    expect(plain.client).toBeNull();
    expect((await page(`clientId=${world.clientId}`)).client).toMatchObject({ id: world.clientId, name: "Rosalind Featherstonehaugh" });
    const elsewhere = await page(`clientId=${foreign}`);
    expect(elsewhere.client).toBeNull();
    expect(elsewhere.prefill.clientId).toBe("");
    const found = await page("clientQuery=rosalind");
    expect(found.clientMatches).toEqual({ clients: [{ id: world.clientId, name: "Rosalind Featherstonehaugh", birthDate: "1961-03-04" }], more: false });
    // A query over the bound is ignored, not a 500.
    expect((await page(`clientQuery=${"x".repeat(300)}`)).clientMatches).toBeNull();
  });

  it("the send action refuses another organization's client chosen by a forged id, and writes nothing", async () => {
    const world = await createReferralWorld();
    const foreign = await createClient(world.outsider, { name: "Foreign Person" });
    const as = await signedInRequester(world.careManagerA.email);
    const body = new URLSearchParams([["intent", "send"], ["clientId", foreign], ["recipientOrganizationId", world.orgB.id], ["sdohCodes", "food-insecurity"], ["categories", "SOCIAL_NEEDS"], ["idempotencyKey", crypto.randomUUID()]]);
    const result = await settle(() => newReferral.action(args(new Request("http://localhost/referrals/new", { method: "POST", headers: { cookie: as.cookie, "content-type": "application/x-www-form-urlencoded" }, body }))));
    expect(result.status).toBe(404);
    expect(await db.referral.count({ where: { clientId: foreign } })).toBe(0);
  });
});
