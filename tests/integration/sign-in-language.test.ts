/**
 * Issue #14 defect 3: the language a person chose (stored on their account) is the language of
 * the app after a fresh sign-in, whatever the sign-in page was shown in.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import * as loginModule from "~/routes/login";
import * as root from "~/root";
import { localeCookie } from "~/i18n/i18next.server";
import { createUser, DEFAULT_TEST_PASSWORD } from "../factories";
import { settle } from "../helpers";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const login = withHttpErrors(loginModule);

const args = (request: Request) => ({ request, params: {}, context: {} });
/** A browser that saw the sign-in page in English: it holds the `lng=en` cookie the root loader set. */
const signInPost = async (email: string, shownIn: "en" | "es") =>
  new Request("http://localhost/login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: await lngCookie(shownIn), "accept-language": "en-US,en;q=0.9" },
    body: new URLSearchParams({ email, password: DEFAULT_TEST_PASSWORD, redirectTo: "" }),
  });
const lngCookie = async (locale: string) => (await localeCookie.serialize(locale)).split(";")[0];
const jarOf = async (locale: string) => {
  const [name, value] = (await lngCookie(locale)).split("=");
  return { [name]: value };
};

/** The cookies a browser would send after the redirect: the previous ones with Set-Cookie applied. */
function cookiesAfter(headers: Headers, before: Record<string, string>) {
  const jar = { ...before };
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    jar[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return Object.entries(jar).map(([k, v]) => `${k}=${v}`).join("; ");
}

async function localeOfNextPage(cookie: string) {
  const next = await settle(() => root.loader(args(new Request("http://localhost/home", { headers: { cookie, "accept-language": "en-US,en;q=0.9" } })) as never));
  return (next.body as { locale: string }).locale;
}

describe("sign-in applies the stored language preference", () => {
  it("a person who prefers Spanish gets Spanish pages after signing in from an English sign-in page", async () => {
    const user = await createUser({ preferredLocale: "es" });
    const request = await signInPost(user.email, "en");
    const result = await settle(() => login.action(args(request)));
    expect(result.status).toBe(302);
    const cookie = cookiesAfter(result.headers, await jarOf("en"));
    expect(await localeCookie.parse(cookie)).toBe("es");
    expect(await localeOfNextPage(cookie)).toBe("es");
  });

  it("a person who prefers English gets English even from a Spanish sign-in page", async () => {
    const user = await createUser({ preferredLocale: "en" });
    const result = await settle(async () => login.action(args(await signInPost(user.email, "es"))));
    expect(await localeOfNextPage(cookiesAfter(result.headers, await jarOf("es")))).toBe("en");
  });

  it("without a stored preference the sign-in keeps the language the person was using", async () => {
    const user = await createUser({ preferredLocale: null });
    const result = await settle(async () => login.action(args(await signInPost(user.email, "es"))));
    expect(result.status).toBe(302);
    expect(await localeOfNextPage(cookiesAfter(result.headers, await jarOf("es")))).toBe("es");
  });
});
