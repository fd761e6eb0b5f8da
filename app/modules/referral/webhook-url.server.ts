/**
 * Which web hook URLs the hub will call. HTTPS only; plain http only to this machine
 * (127.0.0.1 / localhost) and only outside production, for tests and local development. In
 * production the hub also refuses private, loopback and link-local addresses, both when the URL is
 * registered (an IP literal or an internal-looking name) and when it connects (the name's resolved
 * address), so a director cannot point the hub's server at the network it runs in.
 * See docs/decisions/051-fhir-task-api-and-web-hooks.md. The rules a browser can check live in
 * schemas.ts (the form validates with them, ADR 077); this module adds what needs node:net.
 */
import { BlockList, isIP } from "node:net";
import { z } from "zod";
import { registerWebhookSchema, webhookUrlProblem as sharedUrlProblem } from "./schemas";

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) blocked.addSubnet(net, bits, "ipv6");

/** Private, loopback, link-local, carrier-grade NAT, multicast or reserved (IPv4, IPv6, IPv4-mapped IPv6). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
    if (mapped) return blocked.check(mapped[1], "ipv4");
    return blocked.check(bare, "ipv6");
  }
  return false;
}

/** Why the hub will not call this URL (a translatable), or null: the browser's rules and the private-address check. */
export function webhookUrlProblem(raw: string, { production }: { production: boolean }): string | null {
  return sharedUrlProblem(raw, { production, isPrivateHost: isPrivateAddress });
}

/** The web hooks page's action: the form's own schema (schemas.ts), with the private-address rule only the server can check. */
export const webhookActionSchema = (production: boolean) =>
  z.discriminatedUnion("intent", [
    registerWebhookSchema({ production, isPrivateHost: isPrivateAddress }),
    z.object({ intent: z.literal("revoke"), endpointId: z.string().uuid() }),
    z.object({ intent: z.literal("test"), endpointId: z.string().uuid() }),
  ]);
