import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", "node_modules/**", "data/**", "bench/results/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-console": "off",
    },
  },
  {
    // Nothing outside env.server.ts reads process.env in app code (house style).
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/utils/env.server.ts", "app/**/*.test.ts"],
    rules: { "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through getEnv() in app/utils/env.server.ts" }] },
  },
  // The layers (docs/ARCHITECTURE.md): each folder imports only the ones below it.
  {
    files: ["app/utils/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["~/modules/*", "~/routes/*", "~/components/*", "~/http/*", "~/realtime/*"], message: "app/utils is plumbing: it imports no domain module, route, component, HTTP edge or socket code (docs/ARCHITECTURE.md)." }] }] },
  },
  {
    files: ["app/realtime/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["~/modules/*", "!~/modules/auth"], message: "app/realtime imports no domain module but the session check in modules/auth (ADR 075)." }, { group: ["~/routes/*", "~/components/*", "~/http/*"], message: "app/realtime sits below routes, components and the HTTP edge." }] }] },
  },
  {
    files: ["app/modules/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["~/routes/*", "~/components/*", "~/http/*"], message: "Domain modules never see routes, components or the HTTP edge: they take an Actor and plain values (docs/ARCHITECTURE.md)." }] }] },
  },
  {
    files: ["app/components/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: ["~/routes/*"], allowTypeImports: true, message: "Components never import a route module (a loader's type, `import type`, is fine)." }, { group: ["**/*.server"], allowTypeImports: true, message: "Components run in the browser: from a .server file, import types only." }] }],
    },
  },
);
