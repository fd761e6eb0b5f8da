/**
 * Each rule has one owner (ADR 080). These read the source: a new query of a membership table, a
 * second outbox writer or a route that opens the database fails here and names the file, so the
 * next feature copies the owner instead.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): [string, string][] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string][] => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(file);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [[path.relative(process.cwd(), file).split(path.sep).join("/"), fs.readFileSync(file, "utf8")]];
  });
}
const app = sources(path.resolve("app")).concat(sources(path.resolve("server")));
const offenders = (pattern: RegExp, allowed: (file: string) => boolean) => app.filter(([file, text]) => pattern.test(text) && !allowed(file)).map(([file]) => file);

describe("one owner per rule", () => {
  it("only modules/coalition queries CoalitionMember and CoalitionRole (raw-SQL joins kept for speed are listed in ADR 080)", () => {
    const rawSqlJoins = ["app/modules/directory/viewer.server.ts", "app/modules/directory/coverage.server.ts", "app/modules/referral/service.server.ts", "app/modules/auth/session-scope.server.ts", "app/modules/deid/coalition-gazetteer.server.ts"];
    const allowed = (file: string) => file.startsWith("app/modules/coalition/") || rawSqlJoins.includes(file);
    expect(offenders(/\b(db|tx|client)\.(coalitionMember|coalitionRole)\b|"(CoalitionMember|CoalitionRole)"/, allowed)).toEqual([]);
  });

  it("only modules/org queries Membership", () => {
    const allowed = (file: string) => file.startsWith("app/modules/org/") || ["app/modules/directory/viewer.server.ts", "app/modules/auth/session-scope.server.ts"].includes(file);
    expect(offenders(/\b(db|tx|client)\.membership\b|FROM "Membership"|JOIN "Membership"/, allowed)).toEqual([]);
  });

  it("the web hook outbox has one writer", () => {
    expect(offenders(/INSERT INTO "WebhookDelivery"|webhookDelivery\.create/, (file) => file === "app/modules/referral/webhooks.server.ts")).toEqual([]);
  });

  it("audit events are written by the module that does the change or the read, never by a route", () => {
    expect(offenders(/\b(recordAuditEvent|auditAppendCall)\b/, (file) => !file.startsWith("app/routes/"))).toEqual([]);
  });

  it("no route opens the database: queries belong to a module", () => {
    expect(offenders(/from "~\/utils\/db\.server"/, (file) => !file.startsWith("app/routes/"))).toEqual([]);
  });
});
