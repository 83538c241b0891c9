// Production inspections as both sides live them, the factory's QC lead on a phone: book, the
// importer confirms, inspect with too many major defects, the computed result fails, the importer
// rejects, the re-inspection passes and the lot is released; then a second lot not accepted
// switches the spec to tightened inspection, and the next booking draws the larger sample.
import { expect, screenshotWithoutToast, test, type Page } from "./fixtures.ts";
import { acknowledgeFromEmail, publishAndShareSpec, setUpPartners } from "./support.ts";

const PHONE = { width: 375, height: 800 };
const DAY_MS = 24 * 60 * 60 * 1000;
/** "YYYY-MM-DD", `days` from today (the browser and both orgs are on UTC). */
const isoDay = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/** The factory books a pre-shipment inspection of its own QC for tomorrow, from the Inspections list. */
async function book(factoryPage: Page, factorySlug: string, spec: { title: string; productCode: string; importer: string }, poNumber: string) {
  await factoryPage.goto(`/${factorySlug}/inspections`);
  await expect(factoryPage.getByRole("heading", { level: 1, name: "Inspections" })).toBeVisible();
  await factoryPage.getByRole("link", { name: "Book an inspection" }).first().click();
  await expect(factoryPage.getByRole("heading", { level: 1, name: "Book an inspection" })).toBeVisible();
  await factoryPage.getByLabel("Specification").selectOption({ label: `${spec.title} (${spec.productCode}), version 1, for ${spec.importer}` });
  await factoryPage.getByRole("radio", { name: "Pre-shipment (final random)" }).check();
  await factoryPage.getByLabel("PO number").fill(poNumber);
  await factoryPage.getByLabel("Order quantity").fill("100");
  await factoryPage.getByLabel("Lot size presented").fill("100");
  await factoryPage.getByLabel("Proposed day").fill(isoDay(1));
  await factoryPage.getByRole("radio", { name: "The factory's own QC" }).check();
  await factoryPage.getByRole("button", { name: "Book the inspection" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Inspection booked.");
  await expect(factoryPage.getByRole("heading", { level: 1, name: `${spec.title} — PO ${poNumber}` })).toBeVisible();
  return new URL(factoryPage.url()).pathname.split("/")[3]!;
}

/** The importer opens the inspection and confirms the day the factory proposed. */
async function confirm(page: Page, importerSlug: string, id: string) {
  await page.goto(`/${importerSlug}/inspections/${id}`);
  await page.getByRole("button", { name: /^Confirm / }).click();
  await expect(page.getByRole("status")).toContainText("Date confirmed.");
}

/** A reading of the measured sample: on a phone the grid shows one sample at a time. */
async function reading(page: Page, sample: number, value: string) {
  const samples = page.getByRole("group", { name: "Sample shown" });
  if (await samples.isVisible()) await samples.getByRole("button", { name: new RegExp(`^${sample}`) }).click();
  await page.getByLabel(`1 Height, sample ${sample}`, { exact: true }).fill(value);
}

/** The factory records the lot (cartons, packing, the three height readings, `majors` major defects if any) and submits it. */
async function inspectAndSubmit(factoryPage: Page, factorySlug: string, id: string, majors: number) {
  await factoryPage.goto(`/${factorySlug}/inspections/${id}`);
  await expect(factoryPage.getByText("Inspect 20 units for workmanship.")).toBeVisible();
  await factoryPage.getByLabel("Cartons in the lot").fill("10");
  await factoryPage.getByLabel("Cartons checked").fill("3");
  await factoryPage.getByLabel("Packed (%)").fill("100");
  for (const [sample, value] of [
    [1, "95.1"],
    [2, "94.9"],
    [3, "95.0"],
  ] as const) {
    await reading(factoryPage, sample, value);
  }
  if (majors) {
    const row = factoryPage.getByTestId("new-defect-MAJOR");
    await row.getByLabel("Description").fill("Crack at the handle joint");
    for (let i = 0; i < majors; i++) await row.getByRole("button", { name: "One more: new defect" }).click();
    await row.getByRole("button", { name: "Add defect" }).click();
    await expect(factoryPage.getByTestId("defect-row")).toHaveCount(1);
  }
  await factoryPage.locator("summary", { hasText: "Submit the result" }).click();
  await factoryPage.getByRole("button", { name: "Submit now" }).click();
  await expect(factoryPage.getByRole("status")).toContainText(majors >= 2 ? "Result submitted: FAIL" : "Result submitted: PASS");
}

/** The importer decides the submitted lot: released, or rejected with a reason. */
async function decide(page: Page, importerSlug: string, id: string, decision: "Release for shipment" | "Reject: rework and re-inspect") {
  await page.goto(`/${importerSlug}/inspections/${id}`);
  await page.getByRole("radio", { name: new RegExp(`^${decision.replace(/[:]/g, ".")}`) }).check();
  if (decision.startsWith("Reject")) await page.getByLabel("Reason for the rejection (required)").fill("Two cracked handles in 20: please rework the lot.");
  await page.locator("summary", { hasText: "Record the decision" }).click();
  await page.getByRole("button", { name: "Yes, record the decision" }).click();
  await expect(page.getByRole("status")).toContainText(decision.startsWith("Reject") ? "The lot is rejected." : "The lot is released.");
}

test("an inspection booked and inspected on a phone fails, is rejected, re-inspected and released; a second lot not accepted tightens the next plan", async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);
  const partners = await setUpPartners(page, browser, { viewport: PHONE });
  const { importerSlug, factorySlug, factoryPage, tag } = partners;
  const spec = { title: `Stoneware mug 350 ml ${tag}`, productCode: `MUG-350-${tag}`, importer: partners.importer.orgName };
  await publishAndShareSpec(page, partners, {
    ...spec,
    characteristics: [{ number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" }],
  });
  await acknowledgeFromEmail(factoryPage, partners, spec.title);

  // ── Lot 1: booked by the factory, confirmed by the importer.
  const first = await book(factoryPage, factorySlug, spec, `PO-8101-${tag}`);
  // A 100-unit lot at level II is code letter F: 20 units, major AQL 2.5 accepts 1 and rejects 2.
  await expect(factoryPage.getByText("Inspect 20 units for workmanship.")).toBeVisible();
  await confirm(page, importerSlug, first);

  // ── Inspected on the phone with two major defects: over the major Ac, so the computed result fails.
  await inspectAndSubmit(factoryPage, factorySlug, first, 2);
  await expect(factoryPage.getByText("✗ FAIL").first()).toBeVisible();
  await expect(factoryPage.getByText(/Major: found 2, accept ≤ 1, reject ≥ 2/)).toBeVisible();
  expect(await factoryPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshotWithoutToast(factoryPage, { path: test.info().outputPath("factory-result-375.png"), fullPage: true });

  // ── The importer rejects; the factory books the re-inspection from the decision, with the same plan.
  await decide(page, importerSlug, first, "Reject: rework and re-inspect");
  await factoryPage.goto(`/${factorySlug}/inspections/${first}`);
  await factoryPage.getByRole("link", { name: "Book the re-inspection" }).click();
  await expect(factoryPage.getByRole("heading", { level: 1, name: "Book a re-inspection" })).toBeVisible();
  await expect(factoryPage.getByText("Same lot of 100 units and the same sampling plan (20 units drawn).")).toBeVisible();
  const poField = factoryPage.getByLabel("PO number");
  if (!(await poField.inputValue())) await poField.fill(`PO-8101-${tag}`);
  const orderField = factoryPage.getByLabel("Order quantity");
  if (!(await orderField.inputValue())) await orderField.fill("100");
  await factoryPage.getByLabel("Proposed day").fill(isoDay(2));
  const ownQc = factoryPage.getByRole("radio", { name: "The factory's own QC" });
  if (await ownQc.count()) await ownQc.check();
  await factoryPage.getByRole("button", { name: "Book the inspection" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Inspection booked.");
  const again = new URL(factoryPage.url()).pathname.split("/")[3]!;
  await expect(factoryPage.getByText("Re-inspection of", { exact: true })).toBeVisible();

  // ── The re-inspection finds nothing: it passes, and the importer releases the lot.
  await confirm(page, importerSlug, again);
  await inspectAndSubmit(factoryPage, factorySlug, again, 0);
  await expect(factoryPage.getByText("✓ PASS").first()).toBeVisible();
  await decide(page, importerSlug, again, "Release for shipment");
  await factoryPage.goto(`/${factorySlug}/inspections/${again}`);
  await expect(factoryPage.getByText("Released for shipment").first()).toBeVisible();

  // ── Lot 2 (an original inspection again) is not accepted either: 2 of the last 2 lots, so the spec switches to tightened.
  const second = await book(factoryPage, factorySlug, spec, `PO-8102-${tag}`);
  await confirm(page, importerSlug, second);
  await inspectAndSubmit(factoryPage, factorySlug, second, 2);

  // ── The next booking is sampled on tightened inspection: letter F points down to G, 32 units instead of 20.
  const third = await book(factoryPage, factorySlug, spec, `PO-8103-${tag}`);
  const plan = factoryPage.getByRole("region", { name: "Sampling plan" });
  await expect(plan).toContainText("Tightened");
  await expect(plan).toContainText("2 of the last 5 lots or fewer were not accepted");
  await expect(plan).toContainText("Inspect 32 units for workmanship.");
  await screenshotWithoutToast(factoryPage, { path: test.info().outputPath("factory-tightened-375.png"), fullPage: true });
  expect(third).not.toBe(second);

  // The importer sees the switch on the same spec, at 1280 px.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/${importerSlug}/inspections/${third}`);
  await expect(page.getByRole("region", { name: "Sampling plan" })).toContainText("Tightened");
  await screenshotWithoutToast(page, { path: test.info().outputPath("importer-tightened-1280.png"), fullPage: true });
  await factoryPage.context().close();
});
