import { expect, screenshotWithoutToast, test, type Page } from "./fixtures.ts";
import { acknowledgeFromEmail, partnersWithAcknowledgedSpec, publishDraft, saveDraft, startFirstArticle, uploadSamplePhoto } from "./support.ts";

const reading = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const gridRow = (page: Page, numberAndName: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${numberAndName}\\b`) }) });

test("a rejected first article is resubmitted against version 2: acknowledge first, unchanged readings and photo carried, the changed one measured again, approved", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const { importer, importerSlug, factoryPage, factorySlug, title, productCode, poNumber, ...partners } = await partnersWithAcknowledgedSpec(page, browser, [
    { number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" },
    { number: "2", name: "Diameter", nominal: "82", lowerTol: "-0.2", upperTol: "0.3", unit: "mm" },
  ]);

  // ── Factory: round 1 on version 1, submitted.
  const round1 = await startFirstArticle(factoryPage, factorySlug, { title, productCode, poNumber, quantityProduced: "400", sampleCount: "2" });
  for (const [label, value] of [
    ["1 Height, sample 1", "95.1"],
    ["1 Height, sample 2", "94.9"],
    ["2 Diameter, sample 1", "82.4"],
    ["2 Diameter, sample 2", "82.1"],
  ]) {
    await reading(factoryPage, label!).fill(value!);
  }
  await factoryPage.getByRole("button", { name: "Save", exact: true }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Saved.");
  await uploadSamplePhoto(factoryPage, "teapot-round1.png");
  await factoryPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Submitted.");

  // ── Importer: rejects it, then publishes version 2 with the diameter's tolerance changed.
  await page.goto(`/${importerSlug}/first-articles/${round1.faId}`);
  const decide = page.getByRole("region", { name: "Your decision" });
  await decide.getByRole("radio", { name: "Reject" }).check();
  await decide.getByLabel("Overall reason").fill("Diameter sample 1 is too large.");
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decision recorded.");
  await page
    .getByRole("navigation", { name: "Breadcrumb" })
    .getByRole("link", { name: `${title}, version 1` })
    .click();
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Start a new version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit draft version 2" })).toBeVisible();
  await page.getByTestId("characteristic-row").nth(1).getByLabel("Upper tol.", { exact: true }).fill("0.5");
  await saveDraft(page);
  await publishDraft(page, 2);

  // ── Factory: the round cannot start before version 2 is acknowledged; the page says so and links to it.
  await factoryPage.goto(round1.faPath);
  const next = factoryPage.getByRole("region", { name: "Next round" });
  await expect(next.getByTestId("acknowledge-first")).toContainText("Acknowledge version 2 first");
  await expect(next.getByRole("button", { name: /Start round 2/ })).toHaveCount(0);

  // Acknowledging lands on the next step: the rejected round, at its "Start round 2 against version 2".
  await acknowledgeFromEmail(factoryPage, { importer, factory: partners.factory }, title, 2);
  await expect(factoryPage).toHaveURL(new RegExp(`${round1.faPath}#next-round$`));
  await next.getByRole("button", { name: "Start round 2 against version 2" }).click();
  await expect(factoryPage.getByRole("navigation", { name: "Rounds" }).getByRole("link", { name: "Round 2: Draft" })).toHaveAttribute("aria-current", "page");
  const round2Path = new URL(factoryPage.url()).pathname;

  // Unchanged height carried, changed diameter empty and marked; the photo came along.
  await expect(reading(factoryPage, "1 Height, sample 1")).toHaveValue("95.1");
  await expect(reading(factoryPage, "1 Height, sample 2")).toHaveValue("94.9");
  await expect(reading(factoryPage, "2 Diameter, sample 1")).toHaveValue("");
  await expect(reading(factoryPage, "2 Diameter, sample 2")).toHaveValue("");
  await expect(gridRow(factoryPage, "2 Diameter").getByTestId("row-note")).toHaveText("Changed in v2 — measure again");
  await expect(gridRow(factoryPage, "1 Height").getByTestId("row-note")).toHaveCount(0);
  await expect(factoryPage.getByRole("region", { name: "Sample photos and files" }).getByRole("img", { name: "teapot-round1.png" })).toBeVisible();
  const grid = factoryPage.getByRole("region", { name: /Measurements/ });
  await screenshotWithoutToast(grid, { path: "/tmp/resubmit-grid-1280.png" });
  await factoryPage.setViewportSize({ width: 375, height: 812 });
  await expect(gridRow(factoryPage, "2 Diameter").getByTestId("row-note")).toBeVisible();
  await screenshotWithoutToast(grid, { path: "/tmp/resubmit-grid-375.png" });
  await factoryPage.setViewportSize({ width: 1280, height: 900 });

  await reading(factoryPage, "2 Diameter, sample 1").fill("82.3");
  await reading(factoryPage, "2 Diameter, sample 2").fill("82.2");
  await factoryPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Submitted.");

  // ── Importer: round 2 on version 2, approved.
  await page.goto(round2Path.replace(`/${factorySlug}/`, `/${importerSlug}/`));
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: `${title}, version 2` })).toBeVisible();
  const decide2 = page.getByRole("region", { name: "Your decision" });
  await decide2.getByRole("radio", { name: "Approve", exact: true }).check();
  await decide2.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decision recorded.");
  await expect(page.getByRole("region", { name: "Decision", exact: true })).toContainText(`Approved by ${importer.name}`);
});
