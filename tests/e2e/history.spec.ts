// A record's history and the owner's audit log, in the browser: the importer rejects a first
// article with a reason and both sides' timelines say so; the importer's owner filters the audit
// log down to that decision. At 1280 px and at 375 px.
import { expect, screenshotWithoutToast, test } from "./fixtures.ts";
import { horizontalOverflow, partnersWithAcknowledgedSpec, startFirstArticle, uploadSamplePhoto } from "./support.ts";

test("the first article's history says who rejected it with what reason, and the audit log filters to that decision", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { importer, importerSlug, factoryName, factorySlug, factoryPage, title, productCode, poNumber } = await partnersWithAcknowledgedSpec(page, browser, [
    { number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" },
  ]);

  // The factory measures one sample, adds a photo and submits.
  const { faId } = await startFirstArticle(factoryPage, factorySlug, { title, productCode, poNumber, quantityProduced: "100", sampleCount: "1" });
  await factoryPage.getByLabel("1 Height, sample 1", { exact: true }).fill("95.7");
  await uploadSamplePhoto(factoryPage, "history-sample.png");
  await factoryPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Submitted.");

  // The importer rejects it with a reason.
  const reason = "Height 95.7 mm is above the 95.5 mm limit: adjust the mould.";
  await page.goto(`/${importerSlug}/first-articles/${faId}`);
  const decide = page.getByRole("region", { name: "Your decision" });
  await decide.getByRole("radio", { name: "Reject" }).check();
  await decide.getByLabel("Overall reason").fill(reason);
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decision recorded.");

  // Both sides' timelines: submitted by the factory, rejected by the importer with the reason.
  for (const viewer of [page, factoryPage]) {
    await viewer.goto(viewer === page ? `/${importerSlug}/first-articles/${faId}` : `/${factorySlug}/first-articles/${faId}`);
    const history = viewer.getByRole("region", { name: "History" });
    const steps = history.getByRole("listitem");
    await expect(steps).toHaveCount(viewer === page ? 2 : 3);
    await expect(steps.filter({ hasText: "submitted it for review" })).toContainText(`(${factoryName})`);
    const rejection = steps.filter({ hasText: "rejected it" });
    await expect(rejection).toContainText(`${importer.name} (${importer.orgName}) rejected it`);
    await expect(rejection).toContainText(`Reason: ${reason}`);
    await expect(rejection.locator("time")).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2} UTC$/);
  }
  // The factory's own start of the draft is its history alone.
  await expect(factoryPage.getByRole("region", { name: "History" })).toContainText("started the first article");
  await expect(page.getByRole("region", { name: "History" })).not.toContainText("started the first article");
  await screenshotWithoutToast(page.getByRole("region", { name: "History" }), { path: "/tmp/history-timeline-1280.png" });

  // The importer's owner: Audit log in the navigation → filter to first-article decisions.
  await expect(factoryPage.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Audit log" })).toHaveCount(1);
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("What").selectOption({ label: "First article decided" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]what=firstArticle\.decide/);
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${importer.name} · First article decided`);
  await expect(rows.first()).toContainText(reason);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", `/${importerSlug}/audit/csv?what=firstArticle.decide`);
  // A bad date is refused beside its field, with what was typed kept.
  await page.goto(`/${importerSlug}/audit?what=firstArticle.decide&from=2025-02-30`);
  await expect(page.getByText("The start date 2025-02-30 does not exist.")).toBeVisible();
  await expect(page.getByLabel("What")).toHaveValue("firstArticle.decide");
  await page.goto(`/${importerSlug}/audit?what=firstArticle.decide`);
  await screenshotWithoutToast(page, { path: "/tmp/history-audit-1280.png", fullPage: true });

  // At 375 px: neither page overflows sideways.
  await page.setViewportSize({ width: 375, height: 740 });
  for (const [path, shot] of [
    [`/${importerSlug}/audit?what=firstArticle.decide`, "/tmp/history-audit-375.png"],
    [`/${importerSlug}/first-articles/${faId}`, "/tmp/history-fa-375.png"],
  ] as const) {
    await page.goto(path);
    const phone = await horizontalOverflow(page);
    expect(phone.scrollWidth, `horizontal overflow of ${path} at 375 px`).toBeLessThanOrEqual(phone.innerWidth);
    await screenshotWithoutToast(page, { path: shot, fullPage: true });
  }
  await page.getByRole("region", { name: "History" }).scrollIntoViewIfNeeded();
  await screenshotWithoutToast(page.getByRole("region", { name: "History" }), { path: "/tmp/history-timeline-375.png" });
  await factoryPage.context().close();
});
