import { expect, test, type Page } from "./fixtures.ts";
import { logIn, logOut, openLatestEmailTo, PASSWORD, signUp, slugOf, uniqueEmail, uniqueTag } from "./support.ts";

async function expectNotFound(page: Page, path: string, hiddenNames: string[]) {
  const response = await page.goto(path);
  expect(response, `a response for ${path}`).not.toBeNull();
  expect(response!.status(), `status of ${path}`).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByText("Error 404")).toBeVisible();
  for (const name of hiddenNames) {
    await expect(page.locator("html"), `${path} must not reveal "${name}"`).not.toContainText(name);
  }
  const title = await page.title();
  for (const name of hiddenNames) expect(title, `title of ${path}`).not.toContain(name);
}

test("an importer invites a factory, the factory joins from the email, and outsiders see 404", async ({ page, browser }) => {
  const tag = uniqueTag();
  const importer = {
    name: "Anna Berg",
    email: uniqueEmail("anna"),
    password: PASSWORD,
    orgName: `Nordic Home ${tag}`,
    kind: "IMPORTER" as const,
  };
  const factoryEmail = uniqueEmail("li.wei");
  const factoryName = `Ningbo Ceramics ${tag}`;

  // The importer signs up and lands on its org's overview.
  await signUp(page, importer);
  const importerSlug = slugOf(page);
  await expect(page).toHaveURL(new RegExp(`/${importerSlug}$`));
  await expect(page.getByRole("heading", { level: 1, name: importer.orgName })).toBeVisible();
  await expect(page.getByText(`You are an owner at ${importer.orgName}.`)).toBeVisible();

  // Factories page: invite the factory contact.
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Factories" }).click();
  await expect(page).toHaveURL(new RegExp(`/${importerSlug}/partners$`));
  await expect(page.getByRole("heading", { level: 1, name: "Factories" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Invite a factory" })).toBeVisible();
  await page.getByLabel("Factory contact's email").fill(factoryEmail);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${factoryEmail}.`);
  const invitedRow = page.getByTestId("partner-row").filter({ hasText: factoryEmail });
  await expect(invitedRow).toHaveCount(1);
  await expect(invitedRow).toContainText("invited");
  await logOut(page);

  // The factory contact, in a browser of their own, follows the emailed link.
  const factoryContext = await browser.newContext();
  const factoryPage = await factoryContext.newPage();
  const acceptUrl = await openLatestEmailTo(factoryPage, factoryEmail);
  expect(acceptUrl).toMatch(/^http:\/\/localhost:\d+\/invitations\/[A-Za-z0-9_-]{20,}$/);
  await factoryPage.goto(acceptUrl);
  await expect(factoryPage.getByRole("heading", { name: `${importer.orgName} invites your factory` })).toBeVisible();
  await factoryPage.getByRole("link", { name: "Create an account" }).click();

  await expect(factoryPage).toHaveURL(/\/signup\?invitation=/);
  await expect(factoryPage.getByRole("heading", { name: `Create your account to join ${importer.orgName}` })).toBeVisible();
  // The org comes from the invitation: no company fields, email filled in.
  await expect(factoryPage.getByLabel("Company name")).toHaveCount(0);
  await expect(factoryPage.getByRole("radio")).toHaveCount(0);
  await expect(factoryPage.getByLabel("Work email")).toHaveValue(factoryEmail);
  await signUp(factoryPage, { name: "Li Wei", email: factoryEmail, password: PASSWORD });

  // Back on the invitation, now signed in: create the factory organization.
  await expect(factoryPage).toHaveURL(new URL(acceptUrl).pathname);
  await expect(factoryPage.getByRole("group", { name: "Which factory is this for?" })).toBeVisible();
  await factoryPage.getByRole("radio", { name: "A new factory organization" }).check();
  await factoryPage.getByLabel("Factory name").fill(factoryName);
  await factoryPage.getByRole("button", { name: "Accept invitation" }).click();

  await expect(factoryPage).toHaveURL(/\/[^/]+\/partners$/);
  const factorySlug = slugOf(factoryPage);
  expect(factorySlug).not.toBe(importerSlug);
  await expect(factoryPage.getByRole("status")).toContainText(`${factoryName} is now a partner of ${importer.orgName}.`);
  await expect(factoryPage.getByRole("heading", { level: 1, name: "Importers" })).toBeVisible();
  const importerRow = factoryPage.getByTestId("partner-row").filter({ hasText: importer.orgName });
  await expect(importerRow).toHaveCount(1);
  await expect(importerRow).toContainText("active");
  await expect(importerRow).toContainText("Partners since");
  await expect(factoryPage.getByTestId("org-switcher")).toContainText(factoryName);

  // The importer logs back in and sees the factory as active.
  await logIn(page, importer);
  await expect(page).toHaveURL(new RegExp(`/${importerSlug}$`));
  await expect(page.getByRole("link", { name: /Active factories\s*1/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Factories" }).click();
  const factoryRow = page.getByTestId("partner-row").filter({ hasText: factoryName });
  await expect(factoryRow).toHaveCount(1);
  await expect(factoryRow).toContainText("active");
  await expect(page.getByTestId("partner-row").filter({ hasText: "invited" })).toHaveCount(0);

  // Someone from an unrelated organization sees nothing of either org.
  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signUp(outsider, {
    name: "Sam Other",
    email: uniqueEmail("sam"),
    password: PASSWORD,
    orgName: `Unrelated Trading ${tag}`,
    kind: "IMPORTER",
  });
  await expect(outsider.getByRole("heading", { level: 1, name: `Unrelated Trading ${tag}` })).toBeVisible();
  for (const path of [`/${importerSlug}`, `/${importerSlug}/partners`, `/${factorySlug}/members`]) {
    await expectNotFound(outsider, path, [importer.orgName, factoryName]);
  }

  await factoryContext.close();
  await outsiderContext.close();
});
