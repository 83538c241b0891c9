// ESLint: JavaScript and typescript-eslint recommended rules, the rules of hooks, and the layering of the tree
// (docs/decisions/012-lint-format-typecheck.md). Formatting is Prettier's job, types are tsc's.
import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The layers. Patterns are folders, matched from the repository root; a file belongs to the innermost one, so
 * app/features/specs/ui/editor.tsx is "feature-ui" (feature "specs") inside the "feature" app/features/specs, and
 * app/root.tsx is "app". Files outside every folder here (server.ts, the config files) are not checked.
 */
const elements = [
  { type: "generated", pattern: "app/generated" },
  { type: "lib", pattern: "app/lib" },
  { type: "components", pattern: "app/components" },
  { type: "feature-ui", pattern: "app/features/*/ui", capture: ["feature"] },
  { type: "feature", pattern: "app/features/*", capture: ["feature"] },
  { type: "routes", pattern: "app/routes" },
  { type: "styles", pattern: "app/styles" },
  // The message catalogues: data that the translation layer (lib) types its keys from.
  { type: "locales", pattern: "app/locales" },
  { type: "app", pattern: "app" },
  { type: "emails", pattern: "emails" },
  { type: "prisma", pattern: "prisma" },
  { type: "tests", pattern: "tests" },
  { type: "scripts", pattern: "scripts" },
  { type: "bench", pattern: "bench" },
].map((element) => ({ ...element, partialMatch: false }));

/** A feature's public UI entry: other features may import its UI only through this file. */
const files = [
  { category: "ui-entry", pattern: "app/features/*/ui/index.ts" },
  { category: "test", pattern: "**/*.test.{ts,tsx}" },
];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const sameFeature = { feature: "{{ from.element.captured.feature }}" };
const appLayers = ["generated", "lib", "components", "feature", "feature-ui", "routes", "styles", "locales", "app"];

/**
 * Dependencies point down: routes → features → components → lib → generated. Anything not allowed here is refused,
 * imports inside one element included (`checkInternals`), which is what keeps one route from importing another.
 */
const policies = [
  { from: { element: { type: "lib" } }, allow: to("lib", "generated", "locales") },
  // A unit test beside the code may use the shared test helpers (tests/support), never the other way round.
  { from: { file: { categories: "test" } }, allow: to("tests") },
  { from: { element: { type: "components" } }, allow: to("lib", "components") },
  // A feature's own code (server modules, schemas, rules) renders nothing: no UI, its own or another's.
  { from: { element: { type: "feature" } }, allow: to("lib", "generated", "emails", "feature") },
  {
    from: { element: { type: "feature-ui" } },
    allow: [
      to("lib", "generated", "components", "feature"),
      { to: { element: { type: "feature-ui", captured: sameFeature } } },
      // Another feature's UI only through its public entry.
      { to: { element: { type: "feature-ui" }, file: { categories: "ui-entry" } } },
    ],
  },
  { from: { element: { type: "routes" } }, allow: to("lib", "generated", "components", "feature", "feature-ui", "emails", "styles") },
  { from: { element: { type: "app" } }, allow: to(...appLayers) },
  // Emails read their messages from the catalogues (emails/i18n.ts), as the translation layer does.
  { from: { element: { type: "emails" } }, allow: to("emails", "lib", "locales") },
  {
    from: { element: { types: { anyOf: ["prisma", "tests", "scripts", "bench"] } } },
    allow: to(...appLayers, "emails", "prisma", "tests", "scripts", "bench"),
  },
];

export default defineConfig(
  globalIgnores(["app/generated/", "build/", "public/build/", ".cache/", "data/", "bench/results/", "test-results/", "playwright-report/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { ...globals.node } },
  },
  {
    files: ["app/**/*.{ts,tsx}", "emails/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      // Every control character in a regular expression here is deliberate: it is how input hygiene refuses them.
      "no-control-regex": "off",
      // A leading underscore marks a binding kept on purpose (a rest sibling, a callback's unused parameter).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Only React code: Playwright fixtures in tests/e2e call a `use` that is no hook.
    files: ["app/**/*.{ts,tsx}", "emails/**/*.{ts,tsx}"],
    // The rules of hooks and the React Compiler's checks (purity, refs, no setState straight inside an effect, ...).
    extends: [reactHooks.configs.flat.recommended],
    rules: { "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    plugins: { boundaries },
    settings: {
      "boundaries/root-path": root,
      "boundaries/elements": elements,
      "boundaries/files": files,
      "boundaries/dependency-nodes": ["import", "dynamic-import", "export"],
      "import/resolver": { [path.join(root, "scripts/eslint-alias-resolver.cjs")]: {} },
    },
    rules: {
      "boundaries/dependencies": ["error", { default: "disallow", checkInternals: true, policies }],
    },
  },
);
