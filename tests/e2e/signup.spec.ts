import { expect, test, type Page } from "./fixtures.ts";
import { emailLink, horizontalOverflow, logOut, PASSWORD, uniqueEmail, uniqueTag } from "./support.ts";

async function fillSignup(page: Page, user: { name: string; email: string; orgName: string }) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Company name").fill(user.orgName);
  await page.getByRole("radio", { name: /^Importer\b/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
}

/** The visible text of the "check your email" page, to compare two answers. */
async function sentPageText(page: Page) {
  await expect(page).toHaveURL(/\/signup\/sent$/);
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  return page.locator("main").innerText();
}

test("sign-up says 'check your email' for a new and an existing address alike; the emailed link creates the account once", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const tag = uniqueTag();
  const user = { name: "Maria Fernández", email: uniqueEmail("maria"), orgName: `Harbour Home ${tag}` };

  await fillSignup(page, user);
  const firstAnswer = await sentPageText(page);
  await page.screenshot({ path: "/tmp/e2e-signup-sent-1280.png", fullPage: true });

  const link = await emailLink(page, user.email, "Confirm your email to finish your Supplier Portal account", "Confirm my email");
  await page.screenshot({ path: "/tmp/e2e-signup-email-1280.png", fullPage: true });
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email" })).toBeVisible();
  await expect(page.getByText(`Finish creating the account for ${user.email} and ${user.orgName}.`)).toBeVisible();
  await page.screenshot({ path: "/tmp/e2e-signup-confirm-1280.png", fullPage: true });
  // A wrong password creates nothing and says why; the right one finishes.
  await page.getByLabel("Your password").fill("not the password I chose");
  await page.getByRole("button", { name: "Confirm and log in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That is not the password chosen for this sign-up" })).toBeVisible();
  await page.screenshot({ path: "/tmp/e2e-signup-confirm-wrong-password-1280.png", fullPage: true });
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Confirm and log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: user.orgName })).toBeVisible();

  // The same link again: a page that says what happened and where to go.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "This link has already been used" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await page.screenshot({ path: "/tmp/e2e-signup-used-1280.png", fullPage: true });

  // Signing up again with the address: the same page, and its owner hears about it by email.
  await page.goto("/");
  await logOut(page);
  await fillSignup(page, { ...user, orgName: `Second try ${tag}` });
  expect(await sentPageText(page)).toBe(firstAnswer);
  const loginLink = await emailLink(page, user.email, "Someone tried to create an account with your email", "Log in");
  await page.screenshot({ path: "/tmp/e2e-signup-existing-email-1280.png", fullPage: true });
  expect(new URL(loginLink).pathname).toBe("/login");
});

test("on a 375 px phone screen the sign-up pages fit the width", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const user = { name: "Nguyễn Thị Lan", email: uniqueEmail("lan"), orgName: `Saigon Home ${uniqueTag()}` };
  await fillSignup(page, user);
  await sentPageText(page);
  let { scrollWidth, innerWidth } = await horizontalOverflow(page);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await page.screenshot({ path: "/tmp/e2e-signup-sent-375.png", fullPage: true });

  await page.goto(await emailLink(page, user.email, "Confirm your email to finish your Supplier Portal account", "Confirm my email"));
  await expect(page.getByRole("button", { name: "Confirm and log in" })).toBeVisible();
  ({ scrollWidth, innerWidth } = await horizontalOverflow(page));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  await page.screenshot({ path: "/tmp/e2e-signup-confirm-375.png", fullPage: true });
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Confirm and log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: user.orgName })).toBeVisible();
  await context.close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`a refused login keeps the email that was typed, with JavaScript ${javaScriptEnabled ? "on" : "off"}`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const email = uniqueEmail("nobody");
    // With JavaScript, wait for the page's scripts: a click before they run posts the page the old way.
    await page.goto("/login", { waitUntil: javaScriptEnabled ? "networkidle" : "load" });
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    const posted = page.waitForResponse((r) => r.request().method() === "POST" && /^\/login(\.data)?$/.test(new URL(r.url()).pathname));
    await page.getByRole("button", { name: "Log in" }).click();
    const answer = await posted;
    expect(answer.status()).toBe(400);
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
    // Without JavaScript the page comes from the server, which never sends the password back.
    // (With it, the field keeps what this browser typed; tests/integration/auth.test.ts checks the reply itself.)
    if (!javaScriptEnabled) await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await context.close();
  });
}
