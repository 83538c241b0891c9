import { expect, test } from "./fixtures.ts";
import { publishAndShareSpec, saveDraft, setUpPartners } from "./support.ts";

test("the editor shows limits as typed, a v2 carries a change note, and publishing names who will be emailed", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const partners = await setUpPartners(page, browser);
  const { tag, factoryName } = partners;
  const title = `Bowl ${tag}`;
  await publishAndShareSpec(page, partners, {
    title,
    productCode: `BOWL-${tag}`,
    characteristics: [{ number: "1", name: "Diameter", nominal: "150", lowerTol: "-1", upperTol: "1", unit: "mm" }],
  });

  // A second version: the limits follow the typing; a lower limit typed as a tolerance is refused at the field.
  await page.getByRole("button", { name: "Start a new version" }).click();
  const row = page.getByTestId("characteristic-row").first();
  await row.getByLabel("Nominal").fill("152");
  await expect(row.getByTestId("live-limits")).toHaveText("Accepted: 151 – 153 mm");
  // The limits typed where their offsets belong.
  await row.getByLabel("Lower tol.", { exact: true }).fill("151");
  await row.getByLabel("Upper tol.", { exact: true }).fill("153");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(row.getByText("The lower tolerance must not lie above the nominal")).toBeVisible();
  // The field's name now carries its error, so it is found by how the name starts.
  await row.getByRole("textbox", { name: /^Lower tol\./ }).fill("-0.5");
  await row.getByRole("textbox", { name: /^Upper tol\./ }).fill("1");
  await expect(row.getByTestId("live-limits")).toHaveText("Accepted: 151.5 – 153 mm");
  await page.getByLabel("What changed and why").fill("Wider bowl for the new lid.");
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/truths-editor-${width}.png` });
  }
  await saveDraft(page);

  // Publishing asks first and says who will be emailed.
  await page.getByRole("link", { name: "Preview and publish" }).click();
  await page.locator("summary", { hasText: "Publish version 2" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish version 2" });
  await expect(dialog.getByTestId("publish-audience")).toContainText(`of ${factoryName}`);
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `/tmp/truths-publish-${width}.png` });
  }
  await expect(dialog.getByRole("button", { name: "Publish", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(/Version 2 is published\. \d+ (person|people) will be emailed\./);

  // The changes page shows the note.
  await page.getByRole("link", { name: "Changes from v1" }).click();
  await expect(page.getByTestId("change-notes")).toContainText("Wider bowl for the new lid.");
});
