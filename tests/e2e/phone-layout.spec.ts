import { writeFileSync } from "node:fs";
import { expect, test, type Page } from "./fixtures.ts";
import { logIn, partnersWithAcknowledgedSpec, saveDraft, startFirstArticle, uploadSamplePhoto } from "./support.ts";

// No isMobile: mobile emulation widens the layout viewport to fit overflowing
// content, which would hide exactly the overflow this test looks for.
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

interface Seeded {
  importer: { email: string; password: string };
  factory: { email: string; password: string };
  importerPages: [string, string][];
  factoryPages: [string, string][];
}
let seeded: Seeded;

/** What one page measures, all in CSS pixels, from inside the page. */
interface Measured {
  scrollWidth: number;
  innerWidth: number;
  headerHeight: number;
  /** Text-like inputs and their room in characters (content width / the width of "0" in their font). */
  narrowInputs: { what: string; width: number; chars: number }[];
  minInput: { what: string; width: number; chars: number } | null;
  /** Targets (inputs, the verdict, the action bar) that a sticky or fixed element covers once brought into view. */
  covered: string[];
  smallTargets: { what: string; height: number }[];
  minTarget: { what: string; height: number } | null;
}

function measure([minChars, minTarget]: readonly [number, number]): Measured {
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    // A closed <details> still lays out its content for getBoundingClientRect; nobody can tap it.
    const folded = el.closest("details:not([open])");
    if (folded && !el.closest("summary")) return false;
    return r.width > 1 && r.height > 1 && style.visibility !== "hidden";
  };
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}[${el.getAttribute("aria-label") ?? el.getAttribute("name") ?? el.textContent?.trim().slice(0, 40) ?? ""}]`;
  const main = document.querySelector("main")!;
  const header = document.querySelector("body header");

  const canvas = document.createElement("canvas").getContext("2d")!;
  const textual = [...main.querySelectorAll<HTMLInputElement>("input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file])")].filter(
    visible,
  );
  const inputs = textual.map((el) => {
    const style = getComputedStyle(el);
    canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const zero = canvas.measureText("0").width;
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { what: name(el), width: Math.round(el.getBoundingClientRect().width), chars: Math.floor((room / zero) * 10) / 10 };
  });
  const minInput = inputs.reduce<(typeof inputs)[number] | null>((min, i) => (min && min.chars <= i.chars ? min : i), null);

  // Bring each target into view the way focus does, then look for anything pinned over it.
  const pinned = [...document.querySelectorAll("body *")].filter((el) => ["sticky", "fixed"].includes(getComputedStyle(el).position));
  const targets = [...main.querySelectorAll("input:not([type=hidden]), select, textarea, [data-row-verdict], .action-bar")].filter(visible);
  const covered: string[] = [];
  window.scrollTo(0, 0);
  for (const target of targets) {
    if (target instanceof HTMLElement && target.matches("input, select, textarea")) target.focus();
    else target.scrollIntoView({ block: "nearest", inline: "nearest" });
    const t = target.getBoundingClientRect();
    for (const pin of pinned) {
      if (pin === target || pin.contains(target) || target.contains(pin) || !visible(pin)) continue;
      const p = pin.getBoundingClientRect();
      const overlapX = Math.min(t.right, p.right) - Math.max(t.left, p.left);
      const overlapY = Math.min(t.bottom, p.bottom) - Math.max(t.top, p.top);
      if (overlapX > 0.5 && overlapY > 0.5) covered.push(`${name(target)} under ${name(pin)}`);
    }
  }
  (document.activeElement as HTMLElement | null)?.blur();
  window.scrollTo(0, 0);

  // A link inside a sentence is exempt (WCAG 2.5.8's inline exception); a checkbox or radio counts with its label.
  const inSentence = (el: Element) =>
    getComputedStyle(el).display === "inline" &&
    [...(el.parentElement?.childNodes ?? [])].some((n) => n !== el && n.nodeType === Node.TEXT_NODE && n.textContent!.trim().length > 0);
  const interactive = [header, main].flatMap((root) =>
    root ? [...root.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")] : [],
  );
  const heights = interactive
    .map((el) => (el.matches("input[type=checkbox], input[type=radio]") ? (el.closest("label") ?? el) : el))
    .filter((el) => visible(el) && !inSentence(el))
    .map((el) => ({ what: name(el), height: Math.round(el.getBoundingClientRect().height * 10) / 10 }));
  const smallest = heights.reduce<(typeof heights)[number] | null>((min, h) => (min && min.height <= h.height ? min : h), null);

  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    headerHeight: Math.round(header?.getBoundingClientRect().height ?? 0),
    narrowInputs: inputs.filter((i) => i.chars < minChars),
    minInput,
    covered,
    smallTargets: heights.filter((h) => h.height < minTarget),
    minTarget: smallest,
  };
}

test.describe.serial("the layout at 375 px and at 1280 px", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext();
    const page = await context.newPage();
    const partners = await partnersWithAcknowledgedSpec(page, browser, [
      { number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" },
      { number: "2", name: "Rim diameter", nominal: "82", lowerTol: "-1", upperTol: "1", unit: "mm" },
      { number: "3", name: "Glaze surface", visual: { passes: "No bare spots, no drips, no pinholes" } },
    ]);
    const { importerSlug, factorySlug, factoryPage, title, productCode, poNumber } = partners;
    const fa = (po: string) => startFirstArticle(factoryPage, factorySlug, { title, productCode, poNumber: po, quantityProduced: "500", sampleCount: "3" });
    const submit = async () => {
      for (const sample of [1, 2, 3]) {
        await factoryPage.getByLabel(`1 Height, sample ${sample}`, { exact: true }).fill(sample === 2 ? "95.7" : "95.1");
        await factoryPage.getByLabel(`2 Rim diameter, sample ${sample}`, { exact: true }).fill("82.2");
        await factoryPage.getByLabel(`3 Glaze surface, sample ${sample}`, { exact: true }).selectOption({ label: "Pass" });
      }
      await uploadSamplePhoto(factoryPage, "mugs.png");
      await factoryPage.getByRole("button", { name: "Submit for review" }).click();
      await expect(factoryPage.getByRole("status")).toContainText("Submitted. 1 person will be emailed.");
    };

    // A rejected round with a corrective action, a round awaiting the importer's decision, and a draft the factory is filling in.
    const rejected = await fa(`${poNumber}-A`);
    await submit();
    await page.goto(`/${importerSlug}/first-articles/${rejected.faId}`);
    const decide = page.getByRole("region", { name: "Your decision" });
    await decide.getByRole("radio", { name: "Reject" }).check();
    await decide.getByLabel("Overall reason").fill("One height reading is out of tolerance.");
    await decide.getByRole("button", { name: "Record decision" }).click();
    await expect(page.getByRole("status")).toContainText("Decision recorded.");
    await page.getByRole("link", { name: "Open a corrective action from this first article" }).click();
    await page.getByLabel("Plan due").fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Open corrective action" }).click();
    await expect(page.getByRole("status")).toContainText("Corrective action opened.");
    const caId = new URL(page.url()).pathname.split("/")[3]!;

    const pending = await fa(`${poNumber}-B`);
    await submit();
    const draft = await fa(`${poNumber}-C`);
    await factoryPage.getByLabel("1 Height, sample 1", { exact: true }).fill("95.2");
    await factoryPage.getByRole("button", { name: "Save", exact: true }).click();
    await expect(factoryPage.getByRole("status")).toContainText(/saved/i);

    // A second version in draft: the editor.
    const specUrl = `/${importerSlug}/specs/${await specIdOf(page, importerSlug, title)}`;
    await page.goto(specUrl);
    await page.getByRole("button", { name: "Start a new version" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit draft version 2" })).toBeVisible();
    await saveDraft(page);

    const factorySpecUrl = specUrl.replace(`/${importerSlug}/`, `/${factorySlug}/`);
    seeded = {
      importer: partners.importer,
      factory: partners.factory as Seeded["factory"],
      importerPages: [
        ["dashboard", `/${importerSlug}`],
        ["spec-list", `/${importerSlug}/specs`],
        ["spec-version", `${specUrl}/v/1`],
        ["spec-editor", `${specUrl}/v/2/edit`],
        ["fa-list", `/${importerSlug}/first-articles`],
        ["fa-decision", `/${importerSlug}/first-articles/${pending.faId}`],
        ["ca-list", `/${importerSlug}/corrective-actions`],
        ["inspection-list", `/${importerSlug}/inspections`],
        ["ca", `/${importerSlug}/corrective-actions/${caId}`],
        ["partners", `/${importerSlug}/partners`],
      ],
      factoryPages: [
        ["factory-dashboard", `/${factorySlug}`],
        ["factory-spec-list", `/${factorySlug}/specs`],
        ["factory-spec-version", `${factorySpecUrl}/v/1`],
        ["factory-fa-grid", `/${factorySlug}/first-articles/${draft.faId}`],
        ["factory-fa-submitted", `/${factorySlug}/first-articles/${pending.faId}`],
        ["factory-ca", `/${factorySlug}/corrective-actions/${caId}`],
        ["factory-inspection-list", `/${factorySlug}/inspections`],
        ["factory-partners", `/${factorySlug}/partners`],
      ],
    };
    await factoryPage.context().close();
    await context.close();
  });

  for (const [label, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    test(`at ${viewport.width} px every page of both sides fits the width, keeps inputs, the verdict and the action bar uncovered${
      label === "phone" ? ", keeps the header within 120 px, gives readings 8 characters and every tap target 44 px" : ""
    }`, async ({ browser }) => {
      test.setTimeout(120_000);
      const phone = label === "phone";
      const figures: string[] = [];
      const measured: Record<string, Measured> = {};
      let smallestInput: Measured["minInput"] = null;
      let smallestTarget: Measured["minTarget"] = null;
      let tallestHeader = 0;
      for (const [who, pages] of [
        [seeded.importer, seeded.importerPages],
        [seeded.factory, seeded.factoryPages],
      ] as const) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        await logIn(page, who);
        for (const [pageName, path] of pages) {
          await page.goto(path);
          await expect(page.locator("main h1").first()).toBeVisible();
          // After hydration: the grid's one-sample view on a phone needs the scripts.
          await page.waitForLoadState("networkidle");
          const m = await page.evaluate(measure, [8, 44] as const);
          measured[pageName] = m;
          if (phone) await page.screenshot({ path: `/tmp/phone-${pageName}.png`, fullPage: true });
          expect.soft(m.innerWidth, pageName).toBe(viewport.width);
          expect.soft(m.scrollWidth, `horizontal page overflow on ${pageName}`).toBeLessThanOrEqual(m.innerWidth);
          expect.soft(m.covered, `sticky or fixed elements covering targets on ${pageName}`).toEqual([]);
          expect.soft(m.narrowInputs, `inputs with room for fewer than 8 characters on ${pageName}`).toEqual([]);
          if (phone) {
            expect.soft(m.headerHeight, `header and navigation height on ${pageName}`).toBeLessThanOrEqual(120);
            expect.soft(m.smallTargets, `tap targets under 44 px on ${pageName}`).toEqual([]);
          }
          tallestHeader = Math.max(tallestHeader, m.headerHeight);
          if (m.minInput && (!smallestInput || m.minInput.chars < smallestInput.chars)) smallestInput = m.minInput;
          if (m.minTarget && (!smallestTarget || m.minTarget.height < smallestTarget.height)) smallestTarget = m.minTarget;
          figures.push(`${pageName}: header ${m.headerHeight} px, narrowest input ${m.minInput ? `${m.minInput.width} px / ${m.minInput.chars} ch` : "none"}`);
        }
        await context.close();
      }
      const summary = `at ${viewport.width} px: tallest header ${tallestHeader} px; narrowest input ${JSON.stringify(smallestInput)}; smallest tap target ${JSON.stringify(smallestTarget)}`;
      test.info().annotations.push({ type: "measured", description: summary });
      console.log([summary, ...figures].join("\n"));
      writeFileSync(`/tmp/phone-measured-${viewport.width}.json`, JSON.stringify(measured, null, 2));
    });
  }
});

/** The spec's id from the importer's list, by its title. */
async function specIdOf(page: Page, slug: string, title: string) {
  await page.goto(`/${slug}/specs`);
  const href = await page.getByRole("link", { name: title }).first().getAttribute("href");
  return href!.split("/")[3]!;
}
