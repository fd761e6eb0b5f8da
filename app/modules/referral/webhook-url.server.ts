/**
 * Which web hook URLs the hub will call. HTTPS only; plain http only to this machine
 * (127.0.0.1 / localhost) and only outside production, for tests and local development. In
 * production the hub also refuses private, loopback and link-local addresses, both when the URL is
 * registered (an IP literal or an internal-looking name) and when it connects (the name's resolved
 * address), so a director cannot point the hub's server at the network it runs in.
 * See docs/decisions/051-fhir-task-api-and-web-hooks.md.
 */
import { BlockList, isIP } from "node:net";
import { z } from "zod";

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

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const internalName = (host: string) => host === "localhost" || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host) || !host.includes(".");

/** Why the hub will not call this URL, or null when it will. */
export function webhookUrlProblem(raw: string, { production }: { production: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL starting with https://";
  }
  if (url.username || url.password) return "Leave the user name and password out of the URL: the hub signs each call instead.";
  if (url.hash) return "Leave the #fragment out of the URL.";
  const host = url.hostname.toLowerCase();
  if (url.protocol === "http:") {
    if (!production && LOCAL_HOSTS.has(host)) return null;
    return "Use an https:// URL: notifications are only sent encrypted.";
  }
  if (url.protocol !== "https:") return "Use an https:// URL.";
  if (production && (isPrivateAddress(host) || internalName(host))) return "Use a public address: the hub does not call private or internal networks.";
  return null;
}

export const WebhookUrlSchema = (production: boolean) =>
  z
    .string()
    .trim()
    .min(1, "Enter the URL that should receive notifications")
    .max(2000, "Use a URL of at most 2,000 characters")
    .superRefine((value, ctx) => {
      const problem = webhookUrlProblem(value, { production });
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    });

export const webhookActionSchema = (production: boolean) =>
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("register"), url: WebhookUrlSchema(production), description: z.string().trim().min(2, "Say what receives these notifications").max(200) }),
    z.object({ intent: z.literal("revoke"), endpointId: z.string().uuid() }),
    z.object({ intent: z.literal("test"), endpointId: z.string().uuid() }),
  ]);
