/**
 * The demo clients, read from every seed file so a test's list cannot drift from the seed (the
 * care seed's 30 clients were once missed by two copies of this reader).
 */
import fs from "node:fs";
import path from "node:path";

export function seededDemoClients(dir = "prisma/seed-data"): { name: string; birthDate: string }[] {
  const text = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
  const unique = new Map<string, { name: string; birthDate: string }>();
  for (const [, name, birthDate] of text.matchAll(/name: "([^"]+)", birthDate: "(\d{4}-\d{2}-\d{2})"/g)) unique.set(`${name}|${birthDate}`, { name, birthDate });
  if (unique.size < 5) throw new Error(`The demo clients were not found in ${dir}`);
  return [...unique.values()];
}
