import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { getOptionalApiActor } from "~/modules/auth/guard.server";
import { actorFor } from "../../../tests/actors";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys.server";

const bearer = (key: string) => new Request("http://localhost/api/x", { headers: { authorization: `Bearer ${key}` } });

describe("organization API keys", () => {
  it("a key is shown once, stored hashed, authenticates its organization until revoked", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = actorFor(world.directorA.id, world.orgA.id, { role: "DIRECTOR" });
    const { apiKey, key } = await createApiKey({ actor, name: "211 sync" });
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(JSON.stringify(stored)).not.toContain(key);

    const principal = await getOptionalApiActor(bearer(key));
    expect(principal).toMatchObject({ organizationId: world.orgA.id, coalitionIds: [world.coalition.id] });
    expect(await getOptionalApiActor(bearer(`${key}x`))).toBeNull();
    expect(await getOptionalApiActor(new Request("http://localhost/api/x"))).toBeNull();

    await revokeApiKey({ actor, apiKeyId: apiKey.id });
    expect(await getOptionalApiActor(bearer(key))).toBeNull();
    expect(await listApiKeys(world.orgA.id)).toEqual([]);
  });

  it("another organization's director cannot see or revoke the key", async () => {
    const world = await createTwoOrganizationWorld();
    const { apiKey, key } = await createApiKey({ actor: actorFor(world.directorA.id, world.orgA.id, { role: "DIRECTOR" }), name: "A's key" });
    expect((await listApiKeys(world.orgB.id)).map((k) => k.id)).not.toContain(apiKey.id);
    await expect(revokeApiKey({ actor: actorFor(world.directorB.id, world.orgB.id, { role: "DIRECTOR" }), apiKeyId: apiKey.id })).rejects.toMatchObject({ status: 404 });
    expect(await getOptionalApiActor(bearer(key))).not.toBeNull();
  });
});
