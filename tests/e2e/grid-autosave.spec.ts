import { expect, test } from "./fixtures.ts";
import { publishAndShareSpec, setUpPartners, solidPng, startFirstArticle, tempFile } from "./support.ts";

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
  // The overview links the same spec (to acknowledge): wait for the list before choosing from it.
  await expect(factoryPage.getByRole("heading", { level: 1, name: "Specifications" })).toBeVisible();
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

  // ── A photo uploaded while a reading is still being saved: both land, and the upload says so.
  // The two are made to cross: the autosave's answer is held until the page has asked for the
  // data after the upload, and that data is held a moment longer, so the autosave answers while
  // the upload's page is loading. (When the autosave went through the router, its answer cut
  // that load short: the toast was read and dropped, and the photo did not show until a reload.)
  let loaderAsked: () => void = () => {};
  const afterUpload = new Promise<void>((resolve) => (loaderAsked = resolve));
  let uploadAnswered = false;
  let navigationAsked = false;
  await factoryPage.route(
    (url) => url.pathname.startsWith(faPath),
    async (route) => {
      const request = route.request();
      if (request.method() === "POST" && (request.postData() ?? "").includes("intent=save-readings") && request.url().endsWith("/readings")) {
        const answer = await route.fetch();
        await afterUpload;
        return route.fulfill({ response: answer });
      }
      if (request.method() === "POST" && request.url().includes("upload=files")) {
        const answer = await route.fetch();
        uploadAnswered = true;
        return route.fulfill({ response: answer });
      }
      if (request.method() === "GET" && uploadAnswered && !navigationAsked) {
        navigationAsked = true;
        loaderAsked();
        const answer = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 700));
        return route.fulfill({ response: answer });
      }
      return route.fallback();
    },
  );
  await factoryPage.getByLabel("1 Height, sample 3", { exact: true }).fill("95.3");
  const files = factoryPage.getByRole("region", { name: "Sample photos and files" });
  await files.getByLabel("Add photos or files").setInputFiles(tempFile("crossing.png", solidPng([90, 140, 200], 16)));
  await files.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(factoryPage.getByRole("status").filter({ hasText: "1 file added." })).toBeVisible();
  await expect(files.getByRole("img", { name: "crossing.png" })).toBeVisible();
  await expect(status).toHaveText(/^Saved /);
  await factoryPage.unrouteAll({ behavior: "ignoreErrors" });
  await factoryPage.reload();
  await expect(factoryPage.getByLabel("1 Height, sample 3", { exact: true })).toHaveValue("95.3");
  await factoryPage.context().close();
});
