import { expect, test, type Page } from "./fixtures.ts";
import { emailLink, horizontalOverflow, publishAndShareSpec, publishDraft, saveDraft, setUpPartners } from "./support.ts";

// No isMobile: mobile emulation widens the layout viewport to fit overflowing
// content, which would hide exactly the overflow this test looks for.
const PHONE = { width: 375, height: 740 };

async function expectNoPageOverflow(page: Page, what: string) {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(innerWidth).toBe(PHONE.width);
  expect.soft(scrollWidth, `horizontal page overflow on ${what}`).toBeLessThanOrEqual(innerWidth);
}

test("on a 375 px phone the factory's version page (with a diff) and the importer's spec list fit the width", async ({ browser }) => {
  test.setTimeout(180_000);
  const importerContext = await browser.newContext({ viewport: PHONE });
  const page = await importerContext.newPage();
  const partners = await setUpPartners(page, browser, { viewport: PHONE });
  const { importer, factory, factoryPage, tag } = partners;
  const title = `Reactive-glaze stoneware serving bowl, 24 cm ${tag}`;

  const { specUrl } = await publishAndShareSpec(page, partners, {
    title,
    productCode: `BOWL-240-RG-${tag}`,
    characteristics: [
      { number: "1", name: "Outer diameter at the rim", nominal: "240", lowerTol: "-1.5", upperTol: "1.5", unit: "mm" },
      { number: "2", name: "Height from the foot ring to the rim", nominal: "85", lowerTol: "-1", upperTol: "2", unit: "mm" },
      {
        number: "3",
        name: "Glaze coverage inside and outside",
        visual: { passes: "No bare spots, crawling or pinholes larger than 0.5 mm when viewed at arm's length" },
      },
    ],
    packaging: "Each bowl wrapped in tissue, then in a paper sleeve. 4 bowls per inner box with dividers, 16 per export carton.",
  });

  // The factory acknowledges version 1 ...
  await factoryPage.goto(await emailLink(factoryPage, factory.email, `${importer.orgName} published ${title}, version 1`, "Open and acknowledge"));
  await expect(factoryPage.getByRole("heading", { level: 1, name: "Version 1" })).toBeVisible();
  await factoryPage.getByRole("button", { name: "I acknowledge this version" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("You acknowledged version 1.");

  // ... so version 2, with a tightened tolerance, shows it what changed.
  await page.goto(specUrl);
  await page.getByRole("button", { name: "Start a new version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit draft version 2" })).toBeVisible();
  await page.getByTestId("characteristic-row").nth(0).getByLabel("Upper tol.", { exact: true }).fill("1");
  await saveDraft(page);
  await publishDraft(page, 2);

  await factoryPage.goto(await emailLink(factoryPage, factory.email, `${importer.orgName} published ${title}, version 2`, "Open and acknowledge"));
  await expect(factoryPage.getByRole("heading", { level: 1, name: "Version 2" })).toBeVisible();
  const changes = factoryPage.getByRole("region", { name: /What changed since version 1/ });
  await expect(changes.getByTestId("diff-characteristic-1")).toHaveAttribute("data-change", "tightened");
  await expect(factoryPage.getByTestId("characteristic-3")).toBeVisible();
  await expect(factoryPage.getByRole("button", { name: "I acknowledge this version" })).toBeVisible();
  await expect(factoryPage.getByTestId("thread")).toBeVisible();
  await expectNoPageOverflow(factoryPage, "the factory's version page");
  await factoryPage.screenshot({ path: "/tmp/spec-version-375.png", fullPage: true });

  // The importer's list of specifications.
  await page.goto(`/${partners.importerSlug}/specs`);
  await expect(page.getByRole("heading", { level: 1, name: "Specifications" })).toBeVisible();
  await expect(page.getByTestId("spec-row").filter({ hasText: title })).toContainText("v2 published");
  await expect(page.getByRole("link", { name: "New specification" })).toBeInViewport();
  await expectNoPageOverflow(page, "the importer's specification list");
  await page.screenshot({ path: "/tmp/spec-list-375.png", fullPage: true });

  await factoryPage.context().close();
  await importerContext.close();
});
