import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { acceptInvite, inviteMember } from "~/modules/org/service.server";
import { createTwoOrganizationWorld, DEFAULT_TEST_PASSWORD } from "../../../tests/factories";
import { assessPassword, describeWeakPassword } from "./password-strength.server";
import { actorFor } from "../../../tests/actors";

const meta = { ipAddress: "127.0.0.1", userAgent: "vitest" };
const tokenOf = (link: string) => link.split("/invites/")[1];

describe("password strength (finding 9)", () => {
  it.each(["aaaaaaaaaa", "password123", "1234567890", "qwertyuiop", "contraseña2024", "coalitionhub"])("refuses %s, long enough but easy to guess", (password) => {
    expect(assessPassword(password).strong).toBe(false);
  });

  it.each([DEFAULT_TEST_PASSWORD, "a long enough password", "lantern orchard bicycle", "coalition-demo"])("accepts %s", (password) => {
    expect(assessPassword(password).strong).toBe(true);
  });

  it("counts the person's own email and name against the password", () => {
    const inputs = ["zorblax.quintavius@hopewell.example", "Zorblax Quintavius", "Hopewell Pantry"];
    for (const password of ["zorblaxquintavius", "Zorblax Quintavius", "zorblax.quintavius@hopewell.example"]) {
      expect(assessPassword(password).strong, password).toBe(true);
      expect(assessPassword(password, inputs).strong, password).toBe(false);
    }
  });

  it("says why, in the person's language", () => {
    const weak = assessPassword("aaaaaaaaaa");
    expect(describeWeakPassword(weak, "en")).toMatch(/^Choose a stronger password.*Repeated characters like "aaa" are easy to guess/);
    expect(describeWeakPassword(weak, "es")).toMatch(/^Elija una contraseña más segura.*Caracteres repetidos como "aaa" son fáciles de adivinar/);
    expect(describeWeakPassword(weak, "xx")).toMatch(/^Choose a stronger password/);
  });
});

describe("accepting an invitation", () => {
  it("refuses an easy password with the reason on the field, and creates nothing", async () => {
    const world = await createTwoOrganizationWorld();
    const actor = actorFor(world.directorA.id, world.orgA.id);
    const email = `weak-${Date.now()}@example.test`;
    const { link } = await inviteMember({ actor, email, role: "STAFF" });
    await expect(acceptInvite({ token: tokenOf(link), name: "Weak", password: "aaaaaaaaaa", request: meta, locale: "es" })).rejects.toMatchObject({
      status: 400,
      fieldErrors: { password: [expect.stringMatching(/fáciles de adivinar/)] },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
    const { user } = await acceptInvite({ token: tokenOf(link), name: "Strong", password: "lantern orchard bicycle", request: meta });
    expect(user.email).toBe(email);
  });
});
