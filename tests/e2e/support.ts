// Helpers for the Playwright tests: they drive the real pages, the way a
// person would, so a helper that passes is itself evidence the flow works.
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export type OrgKind = "IMPORTER" | "FACTORY";

export interface NewUser {
  name: string;
  email: string;
  password: string;
  /** Omit (with `kind`) when signing up from an invitation: the form hides the org fields. */
  orgName?: string;
  kind?: OrgKind;
}

export const PASSWORD = "correct horse battery staple";

/** A short random tag, so that every test has its own users and organizations. */
export function uniqueTag() {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

/** A lowercase address nobody else in the run uses (the app stores emails lowercased). */
export function uniqueEmail(prefix: string) {
  return `${prefix.toLowerCase().replace(/[^a-z0-9.+-]/g, "")}.${uniqueTag()}@example.com`;
}

/** The first path segment of the current URL: the org slug on /:org pages. */
export function slugOf(page: Page) {
  const slug = new URL(page.url()).pathname.split("/")[1];
  if (!slug) throw new Error(`No org slug in ${page.url()}`);
  return slug;
}

/**
 * Signs up through the real form. Stays on the page if it is already a signup
 * page (e.g. reached from an invitation's "Create an account"); otherwise opens
 * /signup. Resolves once the app has redirected away from the form.
 */
export async function signUp(page: Page, user: NewUser) {
  if (new URL(page.url()).pathname !== "/signup") await page.goto("/signup");
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Work email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  if (user.orgName) await page.getByLabel("Company name").fill(user.orgName);
  if (user.kind) {
    await page.getByRole("radio", { name: user.kind === "IMPORTER" ? /^Importer\b/ : /^Factory\b/ }).check();
  }
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/signup(\?|$)/);
}

/** Logs in through the form; resolves once the app has redirected away from it. */
export async function logIn(page: Page, { email, password }: { email: string; password: string }) {
  if (new URL(page.url()).pathname !== "/login") await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

/** The header's "Log out" button (a POST form); the app lands on the login page. */
export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
}

/**
 * Waits for the outbox worker to deliver an email to `email` (it sends every
 * ~2 s), opens it in the dev mailbox and returns the invitation link from the
 * email's HTML (rendered in a sandboxed srcDoc iframe).
 */
export async function openLatestEmailTo(page: Page, email: string) {
  // The list is newest first, so the first match is the latest email.
  const entry = page.getByRole("link").filter({ hasText: `To: ${email.toLowerCase()}` }).first();
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(entry).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000, intervals: [500, 1_000, 2_000] });
  await entry.click();
  await expect(page).toHaveURL(/\/dev\/mailbox\/[^/]+$/);
  await expect(page.getByText(email.toLowerCase(), { exact: true })).toBeVisible();

  const link = page.frameLocator('iframe[title="Email content"]').locator('a[href*="/invitations/"]').first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  if (!href) throw new Error(`The email to ${email} has no invitation link`);
  return href;
}
