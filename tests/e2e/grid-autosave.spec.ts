import { expect, test } from "./fixtures.ts";
import { publishAndShareSpec, setUpPartners, startFirstArticle } from "./support.ts";

test("no typing is lost: a refused question then one click sends it; readings save as they are typed, survive a reload, and leaving early asks first", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const partners = await setUpPartners(page, browser);
  const { factoryPage, factorySlug, tag } = partners;
  const title = `Stoneware mug ${tag}`;
  const productCode = `MUG-${tag}`;
  await publishAndShareSpec(page, partners, {
    title,
    productCode,
    characteristics: [
      { number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" },
      { number: "2", name: "Diameter", nominal: "82", lowerTol: "-0.2", upperTol: "0.3", unit: "mm" },
    ],
  });

  // ── The factory asks nothing first (refused), then types its question: one click sends it.
  await factoryPage.goto(`/${factorySlug}`);
  await factoryPage.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Specifications" }).click();
  await factoryPage.getByRole("link", { name: title }).first().click();
  await factoryPage.getByTestId("version-row").getByRole("link", { name: "Version 1" }).click();
  await expect(factoryPage.getByRole("heading", { level: 1, name: "Version 1" })).toBeVisible();
  await factoryPage.getByRole("button", { name: "Send question" }).click();
  await expect(factoryPage.getByText("Write your question so the importer can answer it")).toBeVisible();
  await factoryPage.getByLabel("Or ask a question").fill("Is the height measured with or without the foot ring?");
  await factoryPage.getByRole("button", { name: "Send question" }).click();
  await expect(factoryPage.getByRole("status").filter({ hasText: "Your question was sent to the importer." })).toBeVisible();
  await factoryPage.getByRole("button", { name: "I acknowledge this version" }).click();
  await expect(factoryPage.getByRole("status").filter({ hasText: "You acknowledged version 1." })).toBeVisible();

  // ── A first article: readings typed, saved without pressing Save.
  const { faPath } = await startFirstArticle(factoryPage, factorySlug, {
    title,
    productCode,
    poNumber: `PO-${tag}`,
    quantityProduced: "300",
    sampleCount: "3",
  });
  const status = factoryPage.getByTestId("autosave-status");
  await expect(status).toHaveText("Readings save as you type.");
  const height1 = factoryPage.getByLabel("1 Height, sample 1", { exact: true });
  await height1.fill("95.1");
  await factoryPage.getByLabel("1 Height, sample 2", { exact: true }).fill("94.8");
  await factoryPage.getByLabel("2 Diameter, sample 1", { exact: true }).fill("82.1");
  await expect(status).toHaveText(/^Saved \d\d:\d\d UTC$/);

  // Leaving through a link right after typing asks first; staying keeps the reading, which then saves.
  await factoryPage.getByLabel("2 Diameter, sample 2", { exact: true }).fill("82.2");
  await factoryPage.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "First articles" }).click();
  const leave = factoryPage.getByRole("dialog", { name: "Leave without saving?" });
  await expect(leave).toBeVisible();
  await leave.getByRole("button", { name: "Stay on this page" }).click();
  await expect(leave).toBeHidden();
  await expect(factoryPage).toHaveURL(new RegExp(`${faPath}$`));
  await expect(status).toHaveText(/^Saved /);

  for (const width of [375, 1280]) {
    await factoryPage.setViewportSize({ width, height: 900 });
    await status.scrollIntoViewIfNeeded();
    await factoryPage.screenshot({ path: `/tmp/autosave-status-${width}.png` });
    await expect(status).toBeInViewport();
  }

  // ── A reload (or a closed tab) loses nothing: everything typed is stored.
  await factoryPage.reload();
  await expect(height1).toHaveValue("95.1");
  await expect(factoryPage.getByLabel("1 Height, sample 2", { exact: true })).toHaveValue("94.8");
  await expect(factoryPage.getByLabel("2 Diameter, sample 1", { exact: true })).toHaveValue("82.1");
  await expect(factoryPage.getByLabel("2 Diameter, sample 2", { exact: true })).toHaveValue("82.2");
  await factoryPage.context().close();
});
