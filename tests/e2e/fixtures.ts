// The Playwright `test` every spec uses: a test fails when any page it opened,
// in any browser context, logged a Content-Security-Policy violation, so a page
// whose scripts, styles or images the policy blocks never passes as working.
import { type BrowserContext, test as base } from "@playwright/test";

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
