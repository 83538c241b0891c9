import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures.ts";
import {
  addCharacteristic,
  emailLink,
  openLatestEmailTo,
  partnersWithAcknowledgedSpec,
  PASSWORD,
  publishDraft,
  saveDraft,
  startFirstArticle,
  uniqueEmail,
  uploadSamplePhoto,
} from "./support.ts";

// Every page of both sides, and each page's refused form, checked by axe-core against WCAG 2.1 A/AA
// and axe's best practices: any violation of any impact fails, listed with the selectors of its nodes.
// axe leaves its experimental rules out unless their tag is asked for; some of them check these very criteria
// (label-content-name-mismatch is WCAG 2.5.3), so they run too.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice", "experimental"];

type Side = "importer" | "factory" | "visitor";

interface Seed {
  importerSlug: string;
  factorySlug: string;
  specPath: (slug: string) => string;
  faPath: (slug: string) => string;
  draftFaPath: string;
  caPath: (slug: string) => string;
  scorecard: { importer: string; factory: string };
  /** The importer's sampling settings for the factory. */
  samplingPath: string;
  invitationUrl: string;
  mailboxEmailUrl: string;
}

interface CoveredPage {
  name: string;
  side: Side;
  path: (seed: Seed) => string;
  /** Submits the page's main form empty or invalid; resolves once the page shows it refused. */
  refuse?: (page: Page) => Promise<void>;
  /** What the state after `refuse` is called in the report, when it is not a refused form (an opened confirmation, say). */
  refusedState?: string;
}

/** Clicks the button named `name` (inside `within`, when given) and waits for the refusal: an invalid field or an alert. */
const submitEmpty = (name: string | RegExp, within?: (page: Page) => ReturnType<Page["getByRole"]>) => async (page: Page) => {
  const scope = within ? within(page) : page;
  await scope.getByRole("button", { name, exact: typeof name === "string" }).click();
  await expect(page.locator('[aria-invalid="true"], [role="alert"]:not(:empty)').first()).toBeVisible();
};

/** The importer's link from its partners page to the (only) partner factory's sampling settings. */
async function samplingSettingsPathOf(page: Page, importerSlug: string) {
  await page.goto(`/${importerSlug}/partners`);
  return (await page.getByRole("link", { name: "Sampling settings" }).first().getAttribute("href"))!;
}

const importerOrg = (seed: Seed) => `/${seed.importerSlug}`;
const factoryOrg = (seed: Seed) => `/${seed.factorySlug}`;

/** Each side's pages; the same route on both sides is checked on both, since what each sees differs. */
const sidePages = (side: "importer" | "factory", org: (seed: Seed) => string): CoveredPage[] => [
  { side, name: "dashboard", path: org },
  { side, name: "spec list", path: (s) => `${org(s)}/specs` },
  { side, name: "spec page", path: (s) => s.specPath(org(s)) },
  { side, name: "version page", path: (s) => `${s.specPath(org(s))}/v/2` },
  { side, name: "diff", path: (s) => `${s.specPath(org(s))}/diff?from=1&to=2` },
  { side, name: "FA list", path: (s) => `${org(s)}/first-articles` },
  { side, name: "FA report", path: (s) => `${s.faPath(org(s))}/report` },
  { side, name: "CA list", path: (s) => `${org(s)}/corrective-actions` },
  { side, name: "inspection list", path: (s) => `${org(s)}/inspections` },
  // In this seed the current version (2) is not acknowledged yet: the booking form is its empty state.
  { side, name: "new inspection", path: (s) => `${org(s)}/inspections/new` },
  { side, name: "members", path: (s) => `${org(s)}/members`, refuse: submitEmpty("Send invitation") },
  { side, name: "partners", path: (s) => `${org(s)}/partners`, ...(side === "importer" ? { refuse: submitEmpty("Send invitation") } : {}) },
  { side, name: "scorecard", path: (s) => `${org(s)}/scorecards/${s.scorecard[side]}` },
  { side, name: "org new", path: () => "/orgs/new", refuse: submitEmpty(/^Create/) },
  { side, name: "error 404 (in an org)", path: (s) => `${org(s)}/specs/no-such-spec` },
  { side, name: "audit log", path: (s) => `${org(s)}/audit` },
  { side, name: "audit log (dates the wrong way round)", path: (s) => `${org(s)}/audit?from=2026-12-31&to=2026-01-01` },
];

const PAGES: CoveredPage[] = [
  ...sidePages("importer", importerOrg),
  { side: "importer", name: "new spec", path: (s) => `${importerOrg(s)}/specs/new`, refuse: submitEmpty("Create specification") },
  {
    side: "importer",
    name: "version page (draft)",
    path: (s) => `${s.specPath(importerOrg(s))}/v/3`,
    refusedState: "publish confirmation open",
    refuse: async (page) => {
      await page.getByText("Publish version 3", { exact: true }).click();
      await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
    },
  },
  {
    side: "importer",
    name: "version edit",
    path: (s) => `${s.specPath(importerOrg(s))}/v/3/edit`,
    refuse: async (page) => {
      await page.getByTestId("characteristic-row").first().getByLabel("Name", { exact: true }).fill("");
      await submitEmpty("Save draft")(page);
    },
  },
  {
    side: "importer",
    name: "FA page (to decide)",
    path: (s) => s.faPath(importerOrg(s)),
    refuse: async (page) => {
      const decide = page.getByRole("region", { name: "Your decision" });
      await decide.getByRole("radio", { name: "Reject" }).check();
      await submitEmpty("Record decision", () => decide)(page);
    },
  },
  { side: "importer", name: "new CA", path: (s) => `${importerOrg(s)}/corrective-actions/new`, refuse: submitEmpty("Open corrective action") },
  { side: "importer", name: "CA page", path: (s) => s.caPath(importerOrg(s)) },
  {
    side: "importer",
    name: "sampling settings",
    path: (s) => s.samplingPath,
    refuse: async (page) => {
      const defaults = page.getByRole("region", { name: "Defaults for this factory" });
      await defaults.getByRole("radio", { name: "A fixed number of units:" }).check();
      await submitEmpty("Save the settings", () => defaults)(page);
    },
  },
  ...sidePages("factory", factoryOrg),
  { side: "factory", name: "version page (to acknowledge)", path: (s) => `${s.specPath(factoryOrg(s))}/v/2`, refuse: submitEmpty("Send question") },
  { side: "factory", name: "new FA", path: (s) => `${factoryOrg(s)}/first-articles/new`, refuse: submitEmpty("Start") },
  { side: "factory", name: "FA page (submitted)", path: (s) => s.faPath(factoryOrg(s)) },
  { side: "factory", name: "FA page (draft, the measurement grid)", path: (s) => s.draftFaPath, refuse: submitEmpty("Submit for review") },
  { side: "factory", name: "CA page (to answer)", path: (s) => s.caPath(factoryOrg(s)), refuse: submitEmpty("Send the plan to the importer") },
  { side: "visitor", name: "login", path: () => "/login", refuse: submitEmpty("Log in") },
  { side: "visitor", name: "signup", path: () => "/signup", refuse: submitEmpty("Create account") },
  { side: "visitor", name: "invitation page", path: (s) => s.invitationUrl },
  { side: "visitor", name: "error 404", path: () => "/no-such-page" },
  { side: "visitor", name: "dev mailbox", path: () => "/dev/mailbox" },
  { side: "visitor", name: "dev mailbox email", path: (s) => s.mailboxEmailUrl },
];

/** Time spent in axe itself, over the run (printed with the count of pages). */
let axeMs = 0;

/** axe's findings as one readable line per node: where, which rule, what to fix. */
async function axeViolations(page: Page, label: string) {
  const start = performance.now();
  // Legacy mode runs axe.run() in the page itself: the default opens a blank tab per check to merge frame
  // results, which Chromium here refuses now and then (see docs/decisions); our only frames are same-origin.
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
  axeMs += performance.now() - start;
  return violations.flatMap((v) =>
    v.nodes.map((node) => `${label}: [${v.impact}] ${v.id} — ${v.help} at ${node.target.join(" ")}\n      ${node.failureSummary?.replace(/\n/g, "\n      ")}`),
  );
}

/** Remix has hydrated: its router is up, so forms are validated in the browser rather than by the browser's bubbles. */
async function settled(page: Page) {
  await page.waitForFunction(() => (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true);
}

test("every page of both sides, and each page's refused form, has no accessibility violation", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const started = performance.now();

  // ── Seed once, through the UI: partners; spec v1 acknowledged; v2 published with a changed tolerance; v3 a draft;
  // a first article submitted for review and one in draft; a corrective action opened; a member invited.
  const partners = await partnersWithAcknowledgedSpec(page, browser, [
    { number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" },
    { number: "2", name: "Glaze surface", visual: { passes: "No bare spots, no drips, no pinholes" } },
  ]);
  const { importerSlug, factorySlug, factoryPage, title, productCode, poNumber, factoryName } = partners;
  const fa = await startFirstArticle(factoryPage, factorySlug, { title, productCode, poNumber, quantityProduced: "500", sampleCount: "2" });
  await factoryPage.getByLabel("1 Height, sample 1", { exact: true }).fill("95.1");
  await factoryPage.getByLabel("1 Height, sample 2", { exact: true }).fill("95.7");
  for (const sample of [1, 2]) await factoryPage.getByLabel(`2 Glaze surface, sample ${sample}`, { exact: true }).selectOption({ label: "Pass" });
  await uploadSamplePhoto(factoryPage, "mug-samples.png");
  await factoryPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Submitted. 1 person will be emailed.");
  const draftFa = await startFirstArticle(factoryPage, factorySlug, {
    title,
    productCode,
    poNumber: `${poNumber}-B`,
    quantityProduced: "200",
    sampleCount: "2",
  });

  const specId = new URL(page.url()).pathname.split("/")[3]!;
  const specPath = (org: string) => `${org}/specs/${specId}`;
  for (const number of [2, 3]) {
    await page.goto(specPath(`/${importerSlug}`));
    await page.getByRole("button", { name: "Start a new version" }).click();
    await expect(page).toHaveURL(new RegExp(`/v/${number}/edit$`));
    if (number === 3) break;
    await page.getByTestId("characteristic-row").first().getByLabel("Upper tol.", { exact: true }).fill("0.3");
    await addCharacteristic(page, { number: "3", name: "Rim diameter", nominal: "82", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" });
    await saveDraft(page);
    await publishDraft(page, 2);
  }

  await page.goto(`/${importerSlug}/corrective-actions/new`);
  await page.getByLabel("Factory", { exact: true }).selectOption({ label: factoryName });
  await page.getByLabel("Plan due").fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel("Title", { exact: true }).fill(`${title}: handle cracks`);
  await page.getByLabel("Problem", { exact: true }).fill("Three mugs of the last lot had cracks where the handle meets the body.");
  await page.getByRole("button", { name: "Open corrective action" }).click();
  await expect(page.getByRole("status")).toContainText("Corrective action opened.");
  const caId = new URL(page.url()).pathname.split("/")[3]!;

  const memberEmail = uniqueEmail("jonas");
  await page.goto(`/${importerSlug}/members`);
  await page.getByLabel("Email", { exact: true }).fill(memberEmail);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(memberEmail);

  // A visitor, not signed in: the member's invitation, and a new account's "check your email" and confirmation pages.
  const visitor = await (await browser.newContext()).newPage();
  const invitationUrl = await openLatestEmailTo(visitor, memberEmail);
  const mailboxEmailUrl = visitor.url();
  const newcomer = { email: uniqueEmail("new"), password: PASSWORD };

  const seed: Seed = {
    importerSlug,
    factorySlug,
    specPath,
    faPath: (org) => `${org}/first-articles/${fa.faId}`,
    draftFaPath: draftFa.faPath,
    caPath: (org) => `${org}/corrective-actions/${caId}`,
    scorecard: { importer: await factoryOrgId(page, importerSlug, factoryName), factory: "" },
    samplingPath: await samplingSettingsPathOf(page, importerSlug),
    invitationUrl,
    mailboxEmailUrl,
  };
  seed.scorecard.factory = await partnerOrgId(factoryPage, factorySlug);

  const seeded = performance.now();
  // ── Check each page, and its refused form.
  const found: string[] = [];
  const pages: Record<Side, Page> = { importer: page, factory: factoryPage, visitor };
  let states = 0;
  for (const covered of PAGES) {
    const on = pages[covered.side];
    const label = `${covered.side} ${covered.name}`;
    await on.goto(covered.path(seed));
    await settled(on);
    found.push(...(await axeViolations(on, label)));
    states++;
    if (covered.refuse) {
      await covered.refuse(on);
      found.push(...(await axeViolations(on, `${label}, ${covered.refusedState ?? "refused form"}`)));
      states++;
    }
  }

  // Pages reached only by walking: signing up shows "check your email", its link the confirmation page.
  await visitor.goto("/signup");
  await visitor.getByLabel("Your name").fill("Nora Lind");
  await visitor.getByLabel("Work email").fill(newcomer.email);
  await visitor.getByLabel("Password").fill(newcomer.password);
  await visitor.getByLabel("Company name").fill(`Lind Trading ${partners.tag}`);
  await visitor.getByRole("radio", { name: /^Importer\b/ }).check();
  await visitor.getByRole("button", { name: "Create account" }).click();
  await expect(visitor.getByRole("heading", { name: "Check your email" })).toBeVisible();
  found.push(...(await axeViolations(visitor, "visitor signup sent")));
  const confirm = await emailLink(visitor, newcomer.email, "Confirm your email to finish your Supplier Portal account", "Confirm my email");
  await visitor.goto(confirm);
  await settled(visitor);
  found.push(...(await axeViolations(visitor, "visitor signup confirmation")));
  await visitor.getByLabel("Your password").fill("not the password");
  await visitor.getByRole("button", { name: "Confirm and log in" }).click();
  await expect(visitor.locator('[role="alert"]:not(:empty)').first()).toBeVisible();
  found.push(...(await axeViolations(visitor, "visitor signup confirmation, refused form")));
  states += 3;

  const ms = (from: number, to = performance.now()) => `${((to - from) / 1000).toFixed(1)} s`;
  console.log(
    `Accessibility: ${PAGES.length + 2} pages, ${states} states checked with axe (${TAGS.join(", ")}); ` +
      `set-up ${ms(started, seeded)}, checks ${ms(seeded)} of which axe ${(axeMs / 1000).toFixed(1)} s.`,
  );
  expect(found, `axe violations (${found.length} nodes)`).toEqual([]);
  await visitor.context().close();
  await factoryPage.context().close();
});

/** The factory's org id, from the importer's link to its scorecard on the Factories page. */
async function factoryOrgId(page: Page, importerSlug: string, factoryName: string) {
  await page.goto(`/${importerSlug}/partners`);
  const href = await page.getByTestId("partner-row").filter({ hasText: factoryName }).getByRole("link", { name: "Scorecard" }).getAttribute("href");
  return href!.split("/").pop()!;
}

/** The importer's org id, from the factory's link to its scorecard on the Importers page. */
async function partnerOrgId(page: Page, factorySlug: string) {
  await page.goto(`/${factorySlug}/partners`);
  const href = await page.getByTestId("partner-row").first().getByRole("link", { name: "Scorecard" }).getAttribute("href");
  return href!.split("/").pop()!;
}
