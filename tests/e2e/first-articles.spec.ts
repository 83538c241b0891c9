import { expect, screenshotWithoutToast, test, type Page } from "./fixtures.ts";
import { emailLink, emailLinkMatching, horizontalOverflow, partnersWithAcknowledgedSpec, startFirstArticle, uploadSamplePhoto } from "./support.ts";

/** A grid input, by its label "<number> <name>, sample <n>". */
const reading = (page: Page, label: string) => page.getByLabel(label, { exact: true });
/** The grid cell (td) holding that input: it carries the cell's data-verdict. */
const readingCell = (page: Page, label: string) => page.getByRole("cell").filter({ has: reading(page, label) });
/** A characteristic's row in the grid, by its row header ("1 Height …"). */
const gridRow = (page: Page, numberAndName: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${numberAndName}\\b`) }) });

const HEIGHT_3 = "1 Height, sample 3";
/** Screenshots without the toast, which floats over the grid for a few seconds. */
const CAPACITY_2 = "3 Capacity, sample 2";

test("a first article: out-of-tolerance reading flagged, incomplete submit refused, rejected, fixed in round 2, approved, reported", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);

  // ── Set-up: an importer and its factory, a spec with 4 characteristics, published, shared, acknowledged.
  const { importer, importerSlug, factory, factoryName, factorySlug, factoryPage, title, productCode, poNumber } = await partnersWithAcknowledgedSpec(
    page,
    browser,
    [
      { number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" },
      { number: "2", name: "Diameter", nominal: "82", lowerTol: "-0.2", upperTol: "0.3", unit: "mm" },
      { number: "3", name: "Capacity", nominal: "350", lowerTol: "-10", upperTol: "10", unit: "ml" },
      { number: "4", name: "Glaze surface", visual: { passes: "No bare spots, no drips, no pinholes" } },
    ],
  );

  // ── Factory: First articles → Start a first article, 3 samples.
  const round1 = await startFirstArticle(factoryPage, factorySlug, { title, productCode, poNumber, quantityProduced: "500", sampleCount: "3" });
  await expect(factoryPage.getByText("Draft", { exact: true })).toBeVisible();
  // 4 characteristics × 3 samples; the visual check is a pass/fail choice.
  for (const name of ["1 Height", "2 Diameter", "3 Capacity", "4 Glaze surface"]) {
    for (const sample of [1, 2, 3]) await expect(reading(factoryPage, `${name}, sample ${sample}`)).toBeEditable();
  }
  await expect(reading(factoryPage, "1 Height, sample 4")).toHaveCount(0);

  const typed: Record<string, string> = {
    "1 Height, sample 1": "95.0",
    "1 Height, sample 2": "95.2",
    [HEIGHT_3]: "95.6", // above 95.5 mm
    "2 Diameter, sample 1": "82.1",
    "2 Diameter, sample 2": "81.9",
    "2 Diameter, sample 3": "82.2",
    "3 Capacity, sample 1": "352",
    // 3 Capacity, sample 2: left empty on purpose.
    "3 Capacity, sample 3": "348",
  };
  for (const [label, value] of Object.entries(typed)) await reading(factoryPage, label).fill(value);
  for (const sample of [1, 2, 3]) await reading(factoryPage, `4 Glaze surface, sample ${sample}`).selectOption({ label: "Pass" });

  // The out-of-tolerance reading turns red as it is typed, and says why.
  await expect(readingCell(factoryPage, HEIGHT_3)).toHaveAttribute("data-verdict", "fail");
  await expect(reading(factoryPage, HEIGHT_3)).toHaveAccessibleDescription(/Fail: 95\.6 is above 95\.5 mm/);
  await expect(readingCell(factoryPage, "1 Height, sample 2")).toHaveAttribute("data-verdict", "pass");
  await expect(readingCell(factoryPage, CAPACITY_2)).toHaveAttribute("data-verdict", "empty");
  await expect(gridRow(factoryPage, "1 Height")).toContainText("✗ Fail");
  await expect(gridRow(factoryPage, "2 Diameter")).toContainText("✓ Pass");
  await expect(gridRow(factoryPage, "3 Capacity")).toContainText("Incomplete");
  await expect(gridRow(factoryPage, "4 Glaze surface")).toContainText("✓ Pass");
  // A window tall enough that the sticky Save / Submit bar sits below the grid, not over its last row.
  const desktop = factoryPage.viewportSize()!;
  await factoryPage.setViewportSize({ width: desktop.width, height: 1400 });
  await screenshotWithoutToast(factoryPage.getByRole("region", { name: /^Measurements/ }), { path: "/tmp/fa-grid-red.png" });

  // The same grid on a 375 px phone: one sample at a time; sample 3 holds the red cell.
  await factoryPage.setViewportSize({ width: 375, height: 740 });
  await factoryPage.getByRole("group", { name: "Sample shown" }).getByRole("button", { name: "3", exact: true }).click();
  await expect(reading(factoryPage, HEIGHT_3)).toBeVisible();
  await expect(reading(factoryPage, "1 Height, sample 1")).toBeHidden();
  await expect(readingCell(factoryPage, HEIGHT_3)).toHaveAttribute("data-verdict", "fail");
  const phone = await horizontalOverflow(factoryPage);
  expect(phone.innerWidth).toBe(375);
  expect(phone.scrollWidth, "horizontal page overflow of the grid page at 375 px").toBeLessThanOrEqual(phone.innerWidth);
  await screenshotWithoutToast(factoryPage, { path: "/tmp/fa-grid-375.png", fullPage: true });
  await factoryPage.setViewportSize(desktop);
  await expect(reading(factoryPage, "1 Height, sample 1")).toBeVisible();

  // A real photo of the samples; what was typed in the grid is still there.
  await uploadSamplePhoto(factoryPage, "mug-samples-round1.png");
  for (const [label, value] of Object.entries(typed)) await expect(reading(factoryPage, label), `${label} after the upload`).toHaveValue(value);

  // Submitting with one empty cell: refused, the problem named and linked to its cell, nothing lost.
  await factoryPage.getByRole("button", { name: "Submit for review" }).click();
  const problems = factoryPage.getByRole("alert").filter({ hasText: "Not submitted" });
  await expect(problems).toContainText("Not submitted: 1 thing to fix.");
  const problemLink = problems.getByRole("link", { name: "3 Capacity, sample 2: empty" });
  await expect(problemLink).toHaveAttribute("href", "#cell-3-2");
  await expect(problems.getByRole("listitem")).toHaveCount(1);
  for (const [label, value] of Object.entries(typed)) await expect(reading(factoryPage, label), `${label} after the refused submit`).toHaveValue(value);
  for (const sample of [1, 2, 3]) await expect(reading(factoryPage, `4 Glaze surface, sample ${sample}`)).toHaveValue("PASS");
  await expect(readingCell(factoryPage, HEIGHT_3)).toHaveAttribute("data-verdict", "fail");
  await expect(reading(factoryPage, CAPACITY_2)).toHaveAttribute("aria-invalid", "true");
  await expect(factoryPage.getByText("Draft", { exact: true })).toBeVisible();
  await screenshotWithoutToast(factoryPage, { path: "/tmp/fa-problems.png", fullPage: true });
  await problemLink.click();
  await expect(reading(factoryPage, CAPACITY_2)).toBeFocused();
  // Following the link must not cost the readings either (they were saved with the refused submit).
  // Soft, so the rest of the flow still runs and reports; re-typing the same values is a no-op when they are kept.
  const shown = Object.fromEntries(
    await Promise.all(Object.keys(typed).map(async (label) => [label, await reading(factoryPage, label).inputValue()] as const)),
  );
  expect.soft(shown, "the grid's readings after following the problem link").toEqual(typed);
  await expect.soft(problems, "the problem list after following its link").toBeVisible({ timeout: 2_000 });
  for (const [label, value] of Object.entries(typed)) await reading(factoryPage, label).fill(value);
  for (const sample of [1, 2, 3]) await reading(factoryPage, `4 Glaze surface, sample ${sample}`).selectOption({ label: "Pass" });

  // Fill it, submit.
  await reading(factoryPage, CAPACITY_2).fill("355");
  await expect(readingCell(factoryPage, CAPACITY_2)).toHaveAttribute("data-verdict", "pass");
  await factoryPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Submitted. 1 person will be emailed.");
  await expect(factoryPage.getByText("Awaiting review", { exact: true })).toBeVisible();
  await expect(factoryPage.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
  await expect(reading(factoryPage, HEIGHT_3)).toHaveCount(0); // read-only now

  // ── Importer: the "submitted" email → review; the failing cell is highlighted; reject with a reason.
  const submittedSubject = `${factoryName} submitted a first article for ${title} (PO ${poNumber})`;
  const review1 = await emailLinkMatching(
    page,
    importer.email,
    submittedSubject,
    "Review the first article",
    new RegExp(`/${importerSlug}/first-articles/${round1.faId}$`),
  );
  await page.goto(review1);
  await expect(page.getByRole("heading", { level: 1, name: `${title} — PO ${poNumber}` })).toBeVisible();
  await expect(page.getByText("Awaiting review", { exact: true })).toBeVisible();
  const importerHeight = gridRow(page, "1 Height");
  const failingCell = importerHeight.getByRole("cell").nth(2); // sample 3
  await expect(failingCell).toHaveAttribute("data-verdict", "fail");
  await expect(failingCell).toContainText("95.6");
  await expect(failingCell).toContainText("Fail: 95.6 is above 95.5 mm");
  await expect(importerHeight.getByRole("cell").nth(0)).toHaveAttribute("data-verdict", "pass");
  await expect(importerHeight).toContainText("✗ Fail");
  await expect(gridRow(page, "3 Capacity").getByRole("cell").nth(1)).toContainText("355");
  await expect(page.getByRole("region", { name: "Sample photos and files" }).getByRole("img", { name: "mug-samples-round1.png" })).toBeVisible();
  const decide = page.getByRole("region", { name: "Your decision" });
  await expect(decide).toContainText("1 characteristic is out of tolerance (marked in red above).");
  await screenshotWithoutToast(page, { path: "/tmp/fa-review.png", fullPage: true });

  const heightReason = "Height sample 3 measured 95.6 mm, above the 95.5 mm limit. Adjust the mould and re-measure.";
  await decide.getByRole("radio", { name: "Reject" }).check();
  await decide.getByLabel("Overall reason").fill("One height reading is out of tolerance.");
  await decide.getByLabel("1 Height", { exact: true }).fill(heightReason);
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decision recorded. 1 person will be emailed.");
  await expect(page.getByText("Rejected", { exact: true })).toBeVisible();
  const decision1 = page.getByRole("region", { name: "Decision" });
  await expect(decision1).toContainText(`Rejected by ${importer.name}`);
  await expect(decision1).toContainText(`1 Height: ${heightReason}`);
  await expect(page.getByRole("region", { name: "Your decision" })).toHaveCount(0);

  // ── Factory: the "rejected" email → round 2 with the readings copied; fix the reading; resubmit.
  const rejected = await emailLink(
    factoryPage,
    factory.email,
    `${importer.orgName} rejected round 1 of your first article for ${title} (PO ${poNumber})`,
    "See the result",
  );
  expect(rejected).toMatch(new RegExp(`/${factorySlug}/first-articles/${round1.faId}$`));
  await factoryPage.goto(rejected);
  await expect(factoryPage.getByText("Rejected", { exact: true })).toBeVisible();
  await expect(factoryPage.getByRole("region", { name: "Decision" })).toContainText(`1 Height: ${heightReason}`);
  await factoryPage.getByRole("button", { name: "Start round 2 (readings copied)" }).click();
  await expect(factoryPage).not.toHaveURL(new RegExp(`/first-articles/${round1.faId}$`));
  await expect(factoryPage).toHaveURL(new RegExp(`/${factorySlug}/first-articles/[^/?#]+$`));
  await expect(factoryPage.getByText(/^Round 2 · 500 produced · 3 samples/)).toBeVisible();
  const round2Id = new URL(factoryPage.url()).pathname.split("/")[3]!;
  const rounds = factoryPage.getByRole("navigation", { name: "Rounds" });
  await expect(rounds.getByRole("link", { name: "Round 1: Rejected" })).toBeVisible();
  await expect(rounds.getByRole("link", { name: "Round 2: Draft" })).toHaveAttribute("aria-current", "page");
  await expect(reading(factoryPage, HEIGHT_3)).toHaveValue("95.6");
  await expect(reading(factoryPage, CAPACITY_2)).toHaveValue("355");
  await expect(readingCell(factoryPage, HEIGHT_3)).toHaveAttribute("data-verdict", "fail");

  // Photos belong to a round: add one to round 2 if the page asks for it.
  const files2 = factoryPage.getByRole("region", { name: "Sample photos and files" });
  await expect(files2).toBeVisible();
  if (await files2.getByText("No photos yet.").isVisible()) await uploadSamplePhoto(factoryPage, "mug-samples-round2.png", [120, 160, 200]);

  await reading(factoryPage, HEIGHT_3).fill("95.2");
  await expect(readingCell(factoryPage, HEIGHT_3)).toHaveAttribute("data-verdict", "pass");
  await expect(gridRow(factoryPage, "1 Height")).toContainText("✓ Pass");
  await factoryPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Submitted. 1 person will be emailed.");
  await expect(rounds.getByRole("link", { name: "Round 2: Awaiting review" })).toHaveAttribute("aria-current", "page");

  // ── Importer: the round-2 email (same subject as round 1, new link) → approve.
  const review2 = await emailLinkMatching(
    page,
    importer.email,
    submittedSubject,
    "Review the first article",
    new RegExp(`/${importerSlug}/first-articles/${round2Id}$`),
  );
  await page.goto(review2);
  await expect(page.getByText(/^Round 2 · 500 produced · 3 samples/)).toBeVisible();
  const heightRound2 = gridRow(page, "1 Height");
  await expect(heightRound2.getByRole("cell").nth(2)).toHaveAttribute("data-verdict", "pass");
  await expect(heightRound2.getByRole("cell").nth(2)).toContainText("95.2");
  await expect(page.getByRole("cell").and(page.locator('[data-verdict="fail"]'))).toHaveCount(0);
  const decide2 = page.getByRole("region", { name: "Your decision" });
  await expect(decide2).toContainText("Every reading is within tolerance.");
  await decide2.getByRole("radio", { name: "Approve", exact: true }).check();
  await decide2.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decision recorded. 1 person will be emailed.");
  await expect(page.getByRole("region", { name: "Decision" })).toContainText(`Approved by ${importer.name}`);
  const importerRounds = page.getByRole("navigation", { name: "Rounds" });
  await expect(importerRounds.getByRole("link", { name: "Round 1: Rejected" })).toBeVisible();
  await expect(importerRounds.getByRole("link", { name: "Round 2: Approved" })).toHaveAttribute("aria-current", "page");

  // The factory hears about it.
  const approved = await emailLink(
    factoryPage,
    factory.email,
    `${importer.orgName} approved your first article for ${title} (PO ${poNumber})`,
    "See the result",
  );
  expect(approved).toMatch(new RegExp(`/${factorySlug}/first-articles/${round2Id}$`));

  // ── The printable report: both rounds, each with its outcome.
  await page.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${importerSlug}/first-articles/${round2Id}/report$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(page.getByText("First article inspection report")).toBeVisible();
  await expect(page.getByText("Approved (round 2)")).toBeVisible();

  const report1 = page.getByRole("region", { name: "Round 1 · Rejected" });
  await expect(report1).toBeVisible();
  const r1Height = report1.getByRole("row").filter({ hasText: "Height" });
  await expect(r1Height).toContainText("Does not conform");
  await expect(r1Height).toContainText("95.6");
  for (const name of ["Diameter", "Capacity", "Glaze surface"]) {
    await expect(report1.getByRole("row").filter({ hasText: name }), `round 1, ${name}`).toContainText("Conforms");
  }
  await expect(report1).toContainText("3 conform · 1 do not conform");
  await expect(report1).toContainText(`1 Height: ${heightReason}`);

  const report2 = page.getByRole("region", { name: "Round 2 · Approved" });
  await expect(report2).toBeVisible();
  for (const name of ["Height", "Diameter", "Capacity", "Glaze surface"]) {
    const row = report2.getByRole("row").filter({ hasText: name });
    await expect(row, `round 2, ${name}`).toContainText("Conforms");
    await expect(row, `round 2, ${name}`).not.toContainText("Does not conform");
  }
  await expect(report2).toContainText("4 conform");
  await expect(report2).not.toContainText("do not conform");
  await expect(report2).not.toContainText("Does not conform");
  await expect(report2.getByRole("row").filter({ hasText: "Height" })).toContainText("95.2");
  await expect(report2).toContainText(`Approved · ${importer.name}`);
  await screenshotWithoutToast(page, { path: "/tmp/fa-report.png", fullPage: true });

  // ── The importer's list of first articles shows it: round 2 approved, round 1 rejected.
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "First articles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "First articles" })).toBeVisible();
  const rows = page.getByTestId("fa-row").filter({ hasText: title });
  await expect(rows.filter({ hasText: "round 2" })).toContainText(`PO ${poNumber}`);
  await expect(rows.filter({ hasText: "round 2" })).toContainText(factoryName);
  await expect(rows.filter({ hasText: "round 2" })).toContainText("Approved");
  await expect(rows.filter({ hasText: "round 1" })).toContainText("Rejected");
  await rows.filter({ hasText: "round 2" }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/${importerSlug}/first-articles/${round2Id}$`));

  await factoryPage.context().close();
});
