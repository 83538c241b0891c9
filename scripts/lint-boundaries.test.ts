// The layering that eslint.config.js enforces, checked with ESLint itself: a deliberate upward import must fail the lint
// stage, and the imports the layers allow must not. Targets are real files picked from the tree, since the rule only
// judges imports it can resolve.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `~/…` import path of the first module in an app folder, e.g. anyModule("lib") → "~/lib/ability.ts". */
function anyModule(folder: string, exclude: RegExp = /\.test\.tsx?$/): string {
  const name = readdirSync(path.join(root, "app", folder))
    .filter((file) => /\.tsx?$/.test(file) && !exclude.test(file))
    .sort()[0];
  if (!name) throw new Error(`no module in app/${folder}`);
  return `~/${folder}/${name}`;
}

const features = () =>
  readdirSync(path.join(root, "app/features"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
const featureWithUi = () => features().find((feature) => readdirSync(path.join(root, "app/features", feature)).includes("ui"));

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first lint loads the config and its plugins; later ones take milliseconds.
  await eslint.lintText("export {};\n", { filePath: "app/lib/example.ts" });
}, 60_000);

/** The boundary messages ESLint reports for a one-line module at `filePath` importing `target`. */
async function boundaryErrors(filePath: string, target: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as imported from "${target}";\nexport const used = imported;\n`, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === "boundaries/dependencies").map((message) => message.message);
}

describe("the lint stage refuses imports that point up the layers", () => {
  it("refuses app/lib importing a feature", async () => {
    const [feature] = features();
    expect(await boundaryErrors("app/lib/example.server.ts", anyModule(`features/${feature}`))).toHaveLength(1);
  });

  it("refuses app/lib importing a shared component or a route", async () => {
    expect(await boundaryErrors("app/lib/example.ts", anyModule("components"))).toHaveLength(1);
    expect(await boundaryErrors("app/lib/example.ts", anyModule("routes"))).toHaveLength(1);
  });

  it("refuses a shared component importing a feature", async () => {
    const [feature] = features();
    expect(await boundaryErrors("app/components/example.tsx", anyModule(`features/${feature}`))).toHaveLength(1);
  });

  it("refuses a feature importing a route", async () => {
    expect(await boundaryErrors("app/features/example/example.server.ts", anyModule("routes"))).toHaveLength(1);
  });

  it("refuses a feature importing another feature's UI file directly", async () => {
    const owner = featureWithUi();
    expect(owner).toBeDefined();
    const uiFile = anyModule(`features/${owner}/ui`, /\.test\.tsx?$|^index\.ts$/);
    expect(await boundaryErrors("app/features/example/example.ts", uiFile)).toHaveLength(1);
    expect(await boundaryErrors("app/features/example/ui/example.tsx", uiFile)).toHaveLength(1);
  });

  it("refuses a feature's own code (server modules, rules) importing UI: components or its own UI files", async () => {
    const owner = featureWithUi()!;
    const from = `app/features/${owner}/example.server.ts`;
    expect(await boundaryErrors(from, anyModule("components"))).toHaveLength(1);
    expect(await boundaryErrors(from, anyModule(`features/${owner}/ui`, /\.test\.tsx?$/))).toHaveLength(1);
  });

  it("refuses a route importing another route", async () => {
    expect(await boundaryErrors("app/routes/example.tsx", anyModule("routes"))).toHaveLength(1);
  });

  it("refuses app/lib importing the app's root modules", async () => {
    expect(await boundaryErrors("app/lib/example.ts", "~/root.tsx")).toHaveLength(1);
  });

  it("refuses app/ importing tests, and emails importing a feature", async () => {
    expect(await boundaryErrors("app/lib/example.ts", "../../tests/support/factories.ts")).toHaveLength(1);
    const [feature] = features();
    expect(await boundaryErrors("emails/example.tsx", anyModule(`features/${feature}`))).toHaveLength(1);
  });
});

describe("the lint stage allows imports that point down", () => {
  it("allows app/lib importing app/lib and the generated client", async () => {
    expect(await boundaryErrors("app/lib/example.server.ts", anyModule("lib"))).toEqual([]);
    expect(await boundaryErrors("app/lib/example.server.ts", "~/generated/prisma/client.ts")).toEqual([]);
  });

  it("allows a feature's own code importing lib and another feature's non-UI module, and its UI importing components and its own UI", async () => {
    const owner = featureWithUi()!;
    const other = features().find((feature) => feature !== owner)!;
    const from = `app/features/${owner}/example.ts`;
    expect(await boundaryErrors(from, anyModule("lib"))).toEqual([]);
    expect(await boundaryErrors(from, anyModule(`features/${other}`))).toEqual([]);
    const fromUi = `app/features/${owner}/ui/example.tsx`;
    expect(await boundaryErrors(fromUi, anyModule("components"))).toEqual([]);
    expect(await boundaryErrors(fromUi, anyModule(`features/${owner}/ui`))).toEqual([]);
    expect(await boundaryErrors(fromUi, anyModule(`features/${other}`))).toEqual([]);
  });

  it("allows a route importing features, their UI, components and lib", async () => {
    const owner = featureWithUi()!;
    for (const target of [anyModule(`features/${owner}`), anyModule(`features/${owner}/ui`), anyModule("components"), anyModule("lib")]) {
      expect(await boundaryErrors("app/routes/example.tsx", target)).toEqual([]);
    }
  });

  it("allows tests to import routes, features and lib", async () => {
    const [feature] = features();
    for (const target of [anyModule("routes"), anyModule(`features/${feature}`), anyModule("lib")]) {
      expect(await boundaryErrors("tests/integration/example.test.ts", target)).toEqual([]);
    }
  });
});
