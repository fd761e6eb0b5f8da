import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { getEnv, setEnv } from "~/utils/env.server";
import { createUser, DEFAULT_TEST_PASSWORD } from "../../../tests/factories";
import { addressKey } from "./sign-in-limits.server";
import { signIn } from "./service.server";

const original = getEnv();
afterEach(() => setEnv(original));

let addressCounter = 0;
/** A fresh client address per test, so tests sharing a worker's database do not count each other's attempts. */
const newAddress = () => `198.51.100.${(addressCounter++ % 250) + 1}`;
const from = (ipAddress: string) => ({ ipAddress, userAgent: "vitest" });

async function refusal(attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e as { status: number; message: string },
  );
  expect(error, "the sign-in should have been refused").not.toBeNull();
  return { status: error!.status, message: error!.message };
}

describe("sign-in limits (finding 1)", () => {
  it("after 15 wrong passwords the right one is refused too, answering exactly like a wrong password", async () => {
    const user = await createUser();
    const ip = newAddress();
    const wrong = await refusal(signIn({ email: user.email, password: "not the password", request: from(ip) }));
    for (let i = 0; i < 14; i++) await refusal(signIn({ email: user.email, password: `guess ${i}`, request: from(ip) }));
    const locked = await refusal(signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: from(ip) }));
    expect(locked).toEqual(wrong);
    expect(wrong.status).toBe(400);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const audited = await db.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", subjectId: user.id }, orderBy: { seq: "desc" } });
    expect(audited?.metadata).toMatchObject({ reason: "account_limit" });
  });

  it("counts the account however its email is written, from any address", async () => {
    setEnv({ ...original, LOGIN_RATE_LIMIT: 3 });
    const user = await createUser();
    for (const email of [user.email, user.email.toUpperCase(), `  ${user.email} `]) {
      await refusal(signIn({ email, password: "wrong", request: from(newAddress()) }));
    }
    const locked = await refusal(signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: from(newAddress()) }));
    expect(locked.status).toBe(400);
  });

  it("honours LOGIN_RATE_LIMIT, and another account on the same address is unaffected", async () => {
    setEnv({ ...original, LOGIN_RATE_LIMIT: 3 });
    const [victim, colleague] = await Promise.all([createUser(), createUser()]);
    const ip = newAddress();
    for (let i = 0; i < 3; i++) await refusal(signIn({ email: victim.email, password: "wrong", request: from(ip) }));
    await refusal(signIn({ email: victim.email, password: DEFAULT_TEST_PASSWORD, request: from(ip) }));
    const { session } = await signIn({ email: colleague.email, password: DEFAULT_TEST_PASSWORD, request: from(ip) });
    expect(session.userId).toBe(colleague.id);
  });

  it("a right password before the limit clears the account's count", async () => {
    setEnv({ ...original, LOGIN_RATE_LIMIT: 3 });
    const user = await createUser();
    const ip = newAddress();
    for (let round = 0; round < 2; round++) {
      // Two typos, then the right password: without the reset the second round would reach the limit.
      for (let i = 0; i < 2; i++) await refusal(signIn({ email: user.email, password: "typo", request: from(ip) }));
      expect((await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: from(ip) })).session.userId).toBe(user.id);
    }
  });

  it("limits a client address trying many accounts (429), while other addresses sign in", async () => {
    setEnv({ ...original, LOGIN_RATE_LIMIT: 3, loginAddressLimit: 5 });
    const user = await createUser();
    const stuffer = newAddress();
    for (let i = 0; i < 5; i++) await refusal(signIn({ email: `nobody.${i}.${Date.now()}@example.test`, password: "Summer2026!", request: from(stuffer) }));
    const throttled = await refusal(signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: from(stuffer) }));
    expect(throttled.status).toBe(429);
    // The account itself was not attacked: from another address it signs in.
    expect((await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: from(newAddress()) })).session.userId).toBe(user.id);
  });

  it("keys IPv6 clients by their /64 and unwraps IPv4-mapped addresses", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe(addressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
    expect(addressKey("2001:db8:1:2::1")).not.toBe(addressKey("2001:db8:1:3::1"));
    expect(addressKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(addressKey(null)).toBeNull();
  });
});
