/**
 * The embedded database keeps what it acknowledged: `kill -9` of the production server on PGlite
 * during a burst of referral sends, then a start on the same DATA_DIR. Every send the client saw
 * acknowledged (a redirect to the new referral) is there after the restart, exactly once: sending
 * the same request again (same idempotency key, as a client retries) answers the same referral.
 * Sends cut by the kill are retried the same way and land once. Prints acknowledged / found /
 * lost / duplicated. See docs/decisions/086-workers-exactly-once.md and the README's guarantees.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "./server";
import { signInOverHttp, demoReferralTarget } from "./http";


/** One send; resolves to the referral path it was acknowledged with, or throws (no acknowledgement). */
async function send(base: string, cookie: string, target: { clientId: string; recipientId: string }, key: string): Promise<string> {
  const body = new URLSearchParams({ intent: "send", clientId: target.clientId, recipientOrganizationId: target.recipientId, sdohCodes: "food-insecurity", priority: "ROUTINE", idempotencyKey: key });
  body.append("categories", "CONTACT_DEMOGRAPHICS");
  body.append("categories", "SOCIAL_NEEDS");
  const res = await fetch(`${base}/referrals/new`, { method: "POST", redirect: "manual", headers: { cookie, origin: base, "content-type": "application/x-www-form-urlencoded" }, body, signal: AbortSignal.timeout(30_000) });
  await res.text();
  const location = res.headers.get("location");
  if (res.status !== 302 || !location?.startsWith("/referrals/")) throw new Error(`HTTP ${res.status}`);
  return location;
}

describe("kill -9 of the server on the embedded database", () => {
  const servers: RunningServer[] = [];
  let dataDir: string | null = null;
  afterAll(async () => {
    for (const s of servers.reverse()) await s.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("every acknowledged send is there after a restart, exactly once", async () => {
    const first = await startServer();
    servers.push(first);
    dataDir = first.dataDir!;
    const cookie = await signInOverHttp(first.url, "care.manager@hospital.demo.test");
    const target = await demoReferralTarget(first.url, cookie);

    const acknowledged = new Map<string, string>(); // idempotency key → referral path
    const unanswered: string[] = [];
    let killed = false;
    const loop = async () => {
      while (!killed) {
        const key = randomUUID();
        try {
          acknowledged.set(key, await send(first.url, cookie, target, key));
        } catch {
          unanswered.push(key);
          if (!killed) await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const loops = Array.from({ length: 6 }, loop);
    while (acknowledged.size < 30) await new Promise((r) => setTimeout(r, 20));
    process.kill(first.pid, "SIGKILL");
    killed = true;
    await first.exited;
    await Promise.all(loops);

    // Same DATA_DIR, same secrets and key files: the database opens and the session still works.
    const second = await startServer({ env: { DATA_DIR: dataDir } });
    servers.push(second);
    const again = await signInOverHttp(second.url, "care.manager@hospital.demo.test");
    let found = 0;
    let lost = 0;
    let duplicated = 0;
    for (const [key, path] of acknowledged) {
      const page = await fetch(`${second.url}${path}`, { headers: { cookie: again } });
      await page.text();
      if (page.status !== 200) {
        lost += 1;
        continue;
      }
      found += 1;
      if ((await send(second.url, again, target, key)) !== path) duplicated += 1; // a retry must answer the same referral
    }
    // The sends the kill cut off: retried with their keys, each lands once.
    const retried = new Set<string>();
    for (const key of unanswered) retried.add(await send(second.url, again, target, key));
    console.info(`[embedded kill -9] acknowledged ${acknowledged.size}, found ${found}, lost ${lost}, duplicated ${duplicated}; cut off ${unanswered.length}, retried into ${retried.size} referral(s)`);
    expect({ lost, duplicated, found }).toEqual({ lost: 0, duplicated: 0, found: acknowledged.size });
    expect(retried.size).toBe(unanswered.length);
  }, 400_000);
});
