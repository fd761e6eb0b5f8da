import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI is used here only for `prisma generate`; migrations run through
// scripts/db.ts (Prisma's WebAssembly schema engine), see ADR 002.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { externalTables: true },
  tables: { external: ["public.socket_io_attachments"] },
});
