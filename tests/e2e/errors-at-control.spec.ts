import { expect, screenshotWithoutToast, test, type Page } from "./fixtures.ts";
import { logIn, partnersWithAcknowledgedSpec, startFirstArticle, uploadSamplePhoto } from "./support.ts";

const isoDay = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** The textbox holds the focus, shows `message` right under it (its description) and both are on screen, the page scrolled down to them. */
async function expectRefusedAt(page: Page, field: ReturnType<Page["getByRole"]>, message: string | RegExp) {
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(message);
  const shown = page.getByText(message);
  await expect(shown).toBeInViewport();
  await expect(field).toBeInViewport();
  const [fieldBox, messageBox] = [await field.boundingBox(), await shown.boundingBox()];
  // Next to the control: directly below it, not in a banner elsewhere on the page.
  expect(messageBox!.y - (fieldBox!.y + fieldBox!.height)).toBeGreaterThanOrEqual(0);
  expect(messageBox!.y - (fieldBox!.y + fieldBox!.height)).toBeLessThan(24);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
}

test("a refused decision and a refused plan review say why next to the field used and focus it, with JavaScript and without", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { importer, importerSlug, factorySlug, factoryPage, title, productCode, poNumber } = await partnersWithAcknowledgedSpec(page, browser, [
    { number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" },
    { number: "2", name: "Glaze surface", visual: { passes: "No bare spots, no drips, no pinholes" } },
  ]);
  const fa = await startFirstArticle(factoryPage, factorySlug, { title, productCode, poNumber, quantityProduced: "500", sampleCount: "2" });
  await factoryPage.getByLabel("1 Height, sample 1", { exact: true }).fill("95.1");
  await factoryPage.getByLabel("1 Height, sample 2", { exact: true }).fill("95.7");
  for (const sample of [1, 2]) await factoryPage.getByLabel(`2 Glaze surface, sample ${sample}`, { exact: true }).selectOption({ label: "Pass" });
  await uploadSamplePhoto(factoryPage, "mug-samples.png");
  await factoryPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Submitted. 1 person will be emailed.");

  // ── The importer, at the bottom of the first article: "Reject" with no reason.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/${importerSlug}/first-articles/${fa.faId}`, { waitUntil: "networkidle" });
  const decide = page.getByRole("region", { name: "Your decision" });
  await decide.getByRole("radio", { name: "Reject" }).check();
  await decide.getByRole("button", { name: "Record decision" }).click();
  const reason = decide.getByRole("textbox", { name: "Overall reason" });
  await expectRefusedAt(page, reason, /^Give a reason for rejecting/);
  await expect(page.getByRole("alert")).toHaveCount(1); // no banner at the top besides
  await screenshotWithoutToast(page, { path: "/tmp/errors-fa-reject-1280.png" });
  await reason.fill("Height sample 2 is above the 95.5 mm limit.");
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decision recorded.");

  // ── A corrective action from it; the factory sends a plan.
  await page.getByRole("link", { name: "Open a corrective action from this first article" }).click();
  await page.getByLabel("Plan due").fill(isoDay(10));
  await page.getByRole("button", { name: "Open corrective action" }).click();
  await expect(page.getByRole("status")).toContainText("Corrective action opened.");
  const caId = new URL(page.url()).pathname.split("/")[3]!;
  await factoryPage.goto(`/${factorySlug}/corrective-actions/${caId}`, { waitUntil: "networkidle" });
  const answer = factoryPage.locator("form").filter({ has: factoryPage.getByRole("heading", { name: "Your answer" }) });
  await answer.getByLabel("Containment", { exact: true }).fill("All mugs of the PO held and re-measured.");
  await answer.getByLabel("Where did the problem come from?").selectOption({ label: "Skipped quality check" });
  await answer.getByLabel("Root cause", { exact: true }).fill("The height check after firing was skipped on the night shift.");
  await answer.getByRole("button", { name: "+ Add an action" }).click();
  await answer.getByLabel("Action", { exact: true }).fill("Replace the worn mould");
  await answer.getByLabel("Owner", { exact: true }).fill("Zhang Min");
  await answer.getByLabel("Due", { exact: true }).fill(isoDay(14));
  await answer.getByRole("button", { name: "Send the plan to the importer" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Plan sent to the importer.");

  // ── The importer on a phone returns the plan without a comment: the message is under the comment box, which has the focus.
  const caPath = `/${importerSlug}/corrective-actions/${caId}`;
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(caPath, { waitUntil: "networkidle" });
  const review = page.locator("form").filter({ has: page.getByRole("heading", { name: "Review the plan" }) });
  await review.getByRole("radio", { name: "Return with comments" }).check();
  await review.getByRole("button", { name: "Send", exact: true }).click();
  const comments = review.getByRole("textbox", { name: /^Comments/ });
  await expectRefusedAt(page, comments, "Say what the factory should change");
  await screenshotWithoutToast(page, { path: "/tmp/errors-ca-return-375.png" });

  // ── Without JavaScript: the refused page comes back opened at the form, with the message under the field.
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });
  const plainPage = await plain.newPage();
  await logIn(plainPage, importer);
  await plainPage.goto(caPath);
  const plainReview = plainPage.locator("form").filter({ has: plainPage.getByRole("heading", { name: "Review the plan" }) });
  await plainReview.getByRole("radio", { name: "Return with comments" }).check();
  await plainReview.getByRole("button", { name: "Send", exact: true }).click();
  await expect(plainPage).toHaveURL(/#ca-review$/);
  const plainComments = plainReview.getByRole("textbox", { name: /^Comments/ });
  await expect(plainComments).toHaveAccessibleDescription("Say what the factory should change");
  await expect(plainPage.getByText("Say what the factory should change")).toBeInViewport();
  await expect(plainComments).toBeInViewport();
  await plain.close();
  await factoryPage.context().close();
});
