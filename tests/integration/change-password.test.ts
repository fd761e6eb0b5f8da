/**
 * Changing one's password (finding 9): the current password is required, an easy new one is
 * refused with the reason in the page's language, and the other sessions end.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as passwordPageModule from "~/routes/_app.settings.password";
import { loadAuthContext, signIn } from "~/modules/auth/service.server";
import { createUser, DEFAULT_TEST_PASSWORD } from "../factories";
import { anonymousGet, settle, signedInRequester } from "../helpers";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const passwordPage = withHttpErrors(passwordPageModule);

const args = (request: Request) => ({ request, params: {}, context: {} });
const STRONG = "lantern orchard bicycle";

describe("change password", () => {
  it("signed-out visitors are sent to sign in", async () => {
    const result = await settle(() => passwordPage.loader(args(anonymousGet("/settings/password"))));
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toMatch(/^\/login/);
  });

  it("changes the password, ends the other sessions but this one, and audits it", async () => {
    const user = await createUser();
    const here = await signedInRequester(user.email);
    const elsewhere = await signedInRequester(user.email);
    const result = await settle(() => passwordPage.action(args(here.post("/settings/password", { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: STRONG, confirmPassword: STRONG }))));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ changed: true });

    expect(await loadAuthContext(here.sessionId)).not.toBeNull();
    expect(await loadAuthContext(elsewhere.sessionId)).toBeNull();
    const audit = await db.auditEvent.findFirst({ where: { action: "auth.password_changed", subjectId: user.id } });
    expect(audit?.metadata).toMatchObject({ endedSessions: 1 });

    await expect(signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: { ipAddress: "192.0.2.10" } })).rejects.toMatchObject({ status: 400 });
    expect((await signIn({ email: user.email, password: STRONG, request: { ipAddress: "192.0.2.10" } })).session.userId).toBe(user.id);
  });

  it("requires the current password", async () => {
    const user = await createUser();
    const here = await signedInRequester(user.email);
    const result = await settle(() => passwordPage.action(args(here.post("/settings/password", { currentPassword: "not my password", newPassword: STRONG, confirmPassword: STRONG }))));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ fieldErrors: { currentPassword: ["That is not your current password."] } });
    expect((await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: { ipAddress: "192.0.2.11" } })).session.userId).toBe(user.id);
  });

  it("refuses an easy new password with the reason, in the page's language", async () => {
    const user = await createUser();
    const here = await signedInRequester(user.email);
    const request = new Request("http://localhost/settings/password?lng=es", {
      method: "POST",
      headers: { cookie: here.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: "aaaaaaaaaa", confirmPassword: "aaaaaaaaaa" }),
    });
    const result = await settle(() => passwordPage.action(args(request)));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ fieldErrors: { newPassword: [expect.stringMatching(/^Elija una contraseña más segura.*fáciles de adivinar/)] } });
    expect((await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: { ipAddress: "192.0.2.12" } })).session.userId).toBe(user.id);
  });

  it("refuses the same password again, and a mismatched confirmation", async () => {
    const user = await createUser();
    const here = await signedInRequester(user.email);
    const same = await settle(() => passwordPage.action(args(here.post("/settings/password", { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: DEFAULT_TEST_PASSWORD, confirmPassword: DEFAULT_TEST_PASSWORD }))));
    expect(same.status).toBe(400);
    expect(same.body).toMatchObject({ fieldErrors: { newPassword: [expect.any(String)] } });
    const mismatch = await settle(() => passwordPage.action(args(here.post("/settings/password", { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: STRONG, confirmPassword: `${STRONG}!` }))));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ fieldErrors: { confirmPassword: [expect.any(String)] } });
  });
});
