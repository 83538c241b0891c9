// The Playwright `test` every spec uses: a test fails when any page it opened,
// in any browser context, logged a Content-Security-Policy violation, so a page
// whose scripts, styles or images the policy blocks never passes as working.
import { type BrowserContext, type Locator, type Page, test as base } from "@playwright/test";

export { expect, type Page } from "@playwright/test";

export const test = base.extend<{ cspViolations: void }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watch = (watched: BrowserContext) =>
        watched.on("console", (message) => {
          if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
        });
      watch(context);
      // Contexts a test opens itself (a second person, a phone, no JavaScript) are watched too.
      const newContext = browser.newContext;
      browser.newContext = async function (this: typeof browser, ...args: Parameters<typeof newContext>) {
        const opened = await newContext.apply(this, args);
        watch(opened);
        return opened;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      base.expect(violations, "Content-Security-Policy violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * A screenshot with the toast hidden. Playwright's own `style` option would inject a
 * <style> element, which the page policy refuses like any other inline style; a style
 * set through the DOM from a script is not inline markup, so it applies (and is undone after).
 */
export async function screenshotWithoutToast(target: Page | Locator, options: Parameters<Page["screenshot"]>[0] & Parameters<Locator["screenshot"]>[0]) {
  const page = "page" in target && typeof target.page === "function" ? (target as Locator).page() : (target as Page);
  const toasts = page.locator("[aria-live] > [role=status]");
  await toasts.evaluateAll((found) => found.forEach((toast) => ((toast as HTMLElement).style.visibility = "hidden")));
  try {
    return await target.screenshot(options);
  } finally {
    // The next toast may reuse the element: it must show again.
    await toasts.evaluateAll((found) => found.forEach((toast) => ((toast as HTMLElement).style.visibility = "")));
  }
}
