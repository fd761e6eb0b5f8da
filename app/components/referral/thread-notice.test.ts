/** The closed thread's notice says why and since when, in both languages (issue 13, finding 5). */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createInstance } from "i18next";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { i18nConfig } from "~/i18n/config";
import { resources } from "~/i18n/resources";
import { ThreadClosedNotice } from "./thread-notice";

async function render(lng: "en" | "es", props: Parameters<typeof ThreadClosedNotice>[0]) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng, resources });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(ThreadClosedNotice, props)));
}

describe("ThreadClosedNotice", () => {
  const since = new Date("2026-11-30T15:00:00Z");
  it("tells the recipient the comments are withheld, since when, and why", async () => {
    const en = await render("en", { thread: { open: false, reason: "revoked", since }, side: "receiver", partner: "Org A" });
    expect(en).toContain("Comments are withheld: the client&#x27;s authorization was revoked on Nov 30, 2026.");
    expect(en).toContain("Earlier comments are hidden from your organization");
    const es = await render("es", { thread: { open: false, reason: "expired", since: since.toISOString() }, side: "receiver", partner: "Org A" });
    expect(es).toContain("Los comentarios se retienen: la autorización de la persona venció el 30 nov 2026.");
  });

  it("tells the sender the partner no longer sees the thread", async () => {
    const en = await render("en", { thread: { open: false, reason: "no-authorization", since: null }, side: "sender", partner: "Food Bank" });
    expect(en).toContain("no authorization of the client covers the receiving organization now");
    expect(en).toContain("Food Bank no longer sees the comments");
  });
});
