/**
 * Text fields have a sane maximum at the server (issue 14, defect 5: an invitation accepted a
 * 20,013-character email and the page overflowed). The browser half (maxLength from the same
 * constant) is in tests/e2e/layout-390.test.ts.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { EMAIL_MAX, PERSON_NAME_MAX } from "~/modules/org/schemas";
import { inviteMember } from "~/modules/org/service.server";
import * as peopleModule from "~/routes/_app.organization.people";
import * as inviteModule from "~/routes/invites.$token";
import { createTwoOrganizationWorld } from "../factories";
import { settle, signedInRequester } from "../helpers";
import { actorFor } from "../actors";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const people = withHttpErrors(peopleModule);
const invite = withHttpErrors(inviteModule);

describe("text limits at the server", () => {
  it("refuses a 20,013-character invitation email with a 400 naming the field, and writes nothing", async () => {
    const w = await createTwoOrganizationWorld();
    const director = await signedInRequester(w.directorA.email);
    const email = `${"a".repeat(20_000)}@example.test`; // 20,013 characters
    expect(email.length).toBe(20_013);
    const before = await db.invite.count({ where: { organizationId: w.orgA.id } });
    const result = await settle(() => people.action({ request: director.post("/organization/people", { intent: "invite", email, role: "STAFF" }), params: {}, context: {} }));
    expect(result.status).toBe(400);
    const errors = (result.body as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(errors)).toEqual(["email"]);
    expect(errors.email[0]).toMatch(String(EMAIL_MAX));
    expect(await db.invite.count({ where: { organizationId: w.orgA.id } })).toBe(before);

    // The longest deliverable address is still accepted.
    const longest = `${"b".repeat(64)}@${"c".repeat(EMAIL_MAX - 64 - 1 - 5)}.test`;
    expect(longest.length).toBe(EMAIL_MAX);
    const ok = await settle(() => people.action({ request: director.post("/organization/people", { intent: "invite", email: longest, role: "STAFF" }), params: {}, context: {} }));
    expect(ok.status).toBe(200);
  });

  it("refuses a name longer than the limit when an invitation is accepted", async () => {
    const w = await createTwoOrganizationWorld();
    const { link } = await inviteMember({ actor: actorFor(w.directorA.id, w.orgA.id), email: `new-${Date.now()}@example.test`, role: "STAFF" });
    const token = link.split("/invites/")[1];
    const form = new URLSearchParams({ name: "N".repeat(PERSON_NAME_MAX + 1), password: "a good long password", confirmPassword: "a good long password" });
    const request = new Request(`http://localhost/invites/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
    const result = await settle(() => invite.action({ request, params: { token }, context: {} }));
    expect(result.status).toBe(400);
    expect(Object.keys((result.body as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(["name"]);
  });
});
