import { expect, test, type Page } from "./fixtures.ts";
import { openLatestEmailTo, PASSWORD, signUp, slugOf, uniqueEmail, uniqueTag } from "./support.ts";

test("signup validates on the server and keeps what was typed, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();

  await page.getByLabel("Your name").fill("Ada Example");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Company name").fill("Example Imports");
  await page.getByRole("radio", { name: /^Importer\b/ }).check();

  const posted = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  // A full-page form POST answered by the server: only it can have produced these messages.
  expect((await posted).status()).toBe(400);

  await expect(page).toHaveURL(/\/signup$/);
  const email = page.getByLabel("Work email");
  const password = page.getByLabel("Password");
  await expect(page.getByText("Enter a valid email address, like name@company.com")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(/Enter a valid email address/);
  // What was typed is kept, except the password.
  await expect(page.getByLabel("Your name")).toHaveValue("Ada Example");
  await expect(email).toHaveValue("not-an-email");
  await expect(page.getByLabel("Company name")).toHaveValue("Example Imports");
  await expect(password).toHaveValue("");
  await page.screenshot({ path: "/tmp/e2e-signup-errors.png", fullPage: true });
  await context.close();
});

test("on a 375 px phone screen the org pages fit the width and the navigation is visible", async ({ browser }) => {
  // No isMobile: mobile emulation widens the layout viewport to fit overflowing
  // content, which would hide exactly the overflow this test looks for.
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  const tag = uniqueTag();
  const orgName = `Harbour Lighting Imports ${tag}`;
  await signUp(page, { name: "Maria Fernández", email: uniqueEmail("maria"), password: PASSWORD, orgName, kind: "IMPORTER" });
  const slug = slugOf(page);

  // A pending invitation so the partners list has a row, as it does in real use.
  await page.goto(`/${slug}/partners`);
  const factoryEmail = uniqueEmail("quality.manager");
  await page.getByLabel("Factory contact's email").fill(factoryEmail);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("partner-row").filter({ hasText: factoryEmail })).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Organization" });
  for (const [path, heading] of [
    [`/${slug}`, orgName],
    [`/${slug}/partners`, "Factories"],
    [`/${slug}/members`, "Members"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    // The navigation is one row that scrolls sideways on a phone (the header stays within 120 px):
    // the row itself is on screen and every link comes into view within it.
    await expect(nav).toBeInViewport({ ratio: 1 });
    for (const label of ["Overview", "Factories", "Members"]) {
      const link = nav.getByRole("link", { name: label, exact: true });
      await link.scrollIntoViewIfNeeded();
      await expect(link).toBeInViewport();
    }
    await expect(page.getByRole("button", { name: "Log out" })).toBeInViewport();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(innerWidth).toBe(375);
    expect.soft(scrollWidth, `horizontal overflow on ${path}`).toBeLessThanOrEqual(innerWidth);
    if (path.endsWith("/partners")) await page.screenshot({ path: "/tmp/e2e-partners-375.png", fullPage: true });
  }
  await context.close();
});

test("a cross-site form POST is refused and the session survives", async ({ page }) => {
  const orgName = `Cross Site Check ${uniqueTag()}`;
  await signUp(page, { name: "Carl Check", email: uniqueEmail("carl"), password: PASSWORD, orgName, kind: "FACTORY" });
  const slug = slugOf(page);

  const response = await page.request.post("/logout", {
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("Cross-site form posts are not accepted");

  // The forged logout did nothing: the user is still signed in.
  await page.goto(`/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: orgName })).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
});

test("an owner invites a colleague, who joins; removing them takes a second, explicit click", async ({ page, browser }) => {
  const tag = uniqueTag();
  const orgName = `Delta Textiles ${tag}`;
  await signUp(page, { name: "Olga Owner", email: uniqueEmail("olga"), password: PASSWORD, orgName, kind: "FACTORY" });
  const slug = slugOf(page);
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/members$`));
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expect(page.getByTestId("member-row")).toHaveCount(1);

  // Invite a colleague: the address shows under Pending invitations.
  const colleagueEmail = uniqueEmail("quinn.quality");
  const inviteForm = page.locator("section").filter({ has: page.getByRole("heading", { name: "Invite a colleague" }) });
  await inviteForm.getByLabel("Email", { exact: true }).fill(colleagueEmail);
  await inviteForm.getByLabel("Role").selectOption({ label: "Quality" });
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${colleagueEmail}.`);
  const pending = page.locator("section").filter({ has: page.getByRole("heading", { name: "Pending invitations" }) });
  await expect(pending.getByRole("listitem").filter({ hasText: colleagueEmail })).toContainText("Quality");

  // The colleague accepts from the email, signing up with the invited address.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  const acceptUrl = await openLatestEmailTo(colleague, colleagueEmail);
  await colleague.goto(acceptUrl);
  await expect(colleague.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
  await colleague.getByRole("link", { name: "Create an account" }).click();
  await expect(colleague).toHaveURL(/\/signup\?invitation=/);
  await expect(colleague.getByRole("heading", { name: `Create your account to join ${orgName}` })).toBeVisible();
  await expect(colleague.getByLabel("Work email")).toHaveValue(colleagueEmail);
  await signUp(colleague, { name: "Quinn Quality", email: colleagueEmail, password: PASSWORD });
  await expect(colleague).toHaveURL(new URL(acceptUrl).pathname);
  await colleague.getByRole("button", { name: "Accept and join" }).click();
  await expect(colleague).toHaveURL(new RegExp(`/${slug}$`));
  await expect(colleague.getByRole("status")).toContainText(`Welcome to ${orgName}.`);
  await expect(colleague.getByText(`You are a quality manager at ${orgName}.`)).toBeVisible();

  // The owner sees the new member; the invitation is no longer pending.
  await page.reload();
  const row = page.getByTestId("member-row").filter({ hasText: colleagueEmail });
  await expect(row).toContainText("Quinn Quality");
  await expect(page.getByTestId("member-row")).toHaveCount(2);
  await expect(pending).toContainText("No invitations waiting.");

  // "Remove" only asks; nothing happens until "Yes, remove".
  await row.getByText("Remove", { exact: true }).click();
  const confirm = row.getByRole("dialog", { name: "Remove" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(`Remove Quinn Quality from ${orgName}?`);
  await expect(page.getByTestId("member-row")).toHaveCount(2);
  await confirm.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("status")).toContainText("Member removed.");
  await expect(page.getByTestId("member-row")).toHaveCount(1);
  await expect(page.getByTestId("member-row").filter({ hasText: colleagueEmail })).toHaveCount(0);

  // The removed colleague loses access at once.
  const response = await colleague.goto(`/${slug}`);
  expect(response?.status()).toBe(404);
  await expect(colleague.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await colleagueContext.close();
});

async function expectHelpful404(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByText("Error 404")).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to my dashboard" })).toBeVisible();
  // Soft: report every page that falls short, not just the first.
  await expect.soft(page.getByText("The page does not exist, or you do not have access to it."), `explanation on ${path}`).toBeVisible({ timeout: 3_000 });
  const text = await page.locator("body").innerText();
  expect.soft(text, `internal error text on ${path}`).not.toMatch(/\bat .+:\d+:\d+|node_modules|Error: |TypeError|ReferenceError|No route matches/i);
}

test("an unknown URL shows the helpful 404 page, not a stack trace", async ({ page }) => {
  await expectHelpful404(page, `/no/such/page-${uniqueTag()}`);

  // Signed in, under a real org: still the same page.
  const orgName = `Lost Links ${uniqueTag()}`;
  await signUp(page, { name: "Nina Nowhere", email: uniqueEmail("nina"), password: PASSWORD, orgName, kind: "IMPORTER" });
  await expectHelpful404(page, `/${slugOf(page)}/no-such-page`);
});
