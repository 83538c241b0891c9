// A factory whose people read Chinese works with an importer who reads English: every page the
// factory uses is in Chinese, and every email goes out in the language of the person who gets it.
// The names clicked and the texts expected come from the catalogues (see catalogues.ts), never
// typed here, so the test follows the catalogue when a translation changes.
import { formatterFor } from "../../app/lib/format.ts";
import { mkdirSync } from "node:fs";
import { LANGUAGE_NAMES } from "../../app/lib/i18n/languages.ts";
import { en, englishIn, englishWords, sayPattern, zh } from "./catalogues.ts";
import { expect, screenshotWithoutToast, test, type Page } from "./fixtures.ts";
import { emailLink, horizontalOverflow, publishAndShareSpec, setUpPartners, solidPng, tempFile } from "./support.ts";

/** Every finding, gathered for the report at the end (soft: the walk goes on to find the rest). */
const strays: string[] = [];
function expectNone(found: string[], where: string) {
  for (const text of found) strays.push(`${where}: ${text}`);
  expect.soft(found, `English in ${where}`).toEqual([]);
}

/** A page of the factory's: in Chinese (its <html lang>, its window title and `selector`, <main> unless told). */
async function expectNoEnglish(page: Page, where: string, data: readonly string[], selector = "main") {
  await expect(page.locator("html"), `the language of the factory's ${where}`).toHaveAttribute("lang", "zh-CN");
  const found = await englishIn(page.locator(selector).first(), data);
  // The window's title too: it is what the tab and the browser's history show.
  const title = await page.title();
  if (englishWords(title, data).length) found.push(`<title> "${title}"`);
  expectNone(found, `the factory's ${where}`);
}

/** The toast after an action: in Chinese, with its whole text. */
async function expectToast(page: Page, text: string | RegExp) {
  await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
}

/** A toast whose words the server still writes (no catalogue key to expect yet): shown, and checked for English. */
async function expectToastWithoutEnglish(page: Page, where: string, data: readonly string[]) {
  const toast = page.locator("[aria-live] > [role=status]").first();
  await expect(toast).toBeVisible();
  expectNone(await englishIn(toast, data), `the factory's toast after ${where}`);
}

// ── Emails, read back from the capture mailbox as the other tests read them.

/**
 * Opens the email to `to` with `subject` in the dev mailbox; returns the link named `button`, the
 * email's visible text and its language. The subject is matched whole (the mailbox's heading).
 */
async function readEmail(mailbox: Page, to: string, subject: string, button: string) {
  const link = await emailLink(mailbox, to, subject, button);
  await expect(mailbox.getByRole("heading", { level: 1 })).toHaveText(subject);
  const content = mailbox.frameLocator('iframe[title="Email content"]');
  const body = await content.locator("body").innerText();
  return { link, subject, body, lang: await content.locator("html").getAttribute("lang") };
}

/** A Chinese email: marked as Chinese, and its subject and body hold no English but the people's data. */
function expectChineseEmail(email: Awaited<ReturnType<typeof readEmail>>, what: string, data: readonly string[]) {
  expect.soft(email.lang, `the language of ${what}`).toBe("zh-CN");
  expectNone(englishWords(email.subject, data).length ? [`"${email.subject}"`] : [], `the subject of ${what}`);
  const lines = email.body.split("\n").filter((line) => englishWords(line, data).length);
  expectNone(
    lines.map((line) => `"${line.trim()}"`),
    `the body of ${what}`,
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** "YYYY-MM-DD", `days` from today (UTC, as the app stores and checks dates). */
const isoDay = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
/** A date in words as the emails write it (emails/i18n.ts formatDate). */
const emailDate = (tag: string, iso: string) => new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));

/** A due date as the page writes it for a Chinese reader: the day, and the factory's zone it ends in. */
const dueInChinese = (iso: string) => zh("correctiveActions", "due.dateInZone", { date: formatterFor("zh-CN").calendarDay(iso), zone: "UTC" });

const SHOTS = "/tmp/shots";

test("a factory reading Chinese acknowledges a spec, submits a first article and answers a corrective action in Chinese; each side's emails are in its own language", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });

  // ── Set-up through the UI: an English-speaking importer invites the factory; its QC lead signs up.
  const partners = await setUpPartners(page, browser);
  const { importer, importerSlug, factory, factoryName, factorySlug, factoryPage } = partners;
  const mailbox = await (await browser.newContext()).newPage();

  // The QC lead shows the portal in Chinese from the header's menu: that is their account's language from now on.
  await factoryPage.getByTestId("language-menu").locator("summary").click();
  await factoryPage.getByRole("button", { name: "简体中文", exact: true }).click();
  await expect(factoryPage.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(factoryPage.getByRole("heading", { level: 1, name: zh("partners", "title.FACTORY") })).toBeVisible();
  // The menu stays open after a choice, over the pages links lead to next: closed as a person would, by the globe.
  const languageMenu = factoryPage.getByTestId("language-menu");
  if (await languageMenu.evaluate((menu) => (menu as HTMLDetailsElement).open)) await languageMenu.locator("summary").click();

  // ── The importer publishes a spec and shares it with the factory (English pages).
  const title = `Stoneware mug 350 ml ${partners.tag}`;
  const productCode = `MUG-350-${partners.tag}`;
  const poNumber = `PO-4711-${partners.tag}`;
  const characteristics = [
    { number: "1", name: "Height", nominal: "95", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" },
    { number: "2", name: "Glaze surface", visual: { passes: "No bare spots, no drips, no pinholes" } },
  ];
  await publishAndShareSpec(page, partners, { title, productCode, characteristics });
  const people = [importer.name, importer.orgName, importer.email, factory.name, factory.email, factoryName];
  const specData = [...people, title, productCode, poNumber, ...characteristics.flatMap((c) => [c.name, c.visual?.passes ?? ""])];

  // The factory's email about the new version is in Chinese.
  const published = await readEmail(
    mailbox,
    factory.email,
    zh("emails", "specPublished.subject", { importer: importer.orgName, title, version: "1" }),
    zh("emails", "specPublished.button"),
  );
  expect(published.body).toContain(zh("emails", "specPublished.heading", { importer: importer.orgName, title, version: "1" }));
  expect(published.body).toContain(zh("emails", "specPublished.body"));
  expectChineseEmail(published, "the spec-published email", specData);

  // ── Factory dashboard in Chinese: the spec waits to be acknowledged.
  await factoryPage
    .getByRole("navigation", { name: zh("common", "shell.navLabel") })
    .getByRole("link", { name: zh("common", "nav.overview") })
    .click();
  await expect(factoryPage.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(factoryPage.getByRole("heading", { level: 1, name: factoryName })).toBeVisible();
  const toAcknowledge = factoryPage.getByRole("region", { name: zh("dashboard", "attention.group.specs-to-acknowledge"), exact: true });
  await expect(toAcknowledge).toBeVisible();
  const specItem = toAcknowledge.getByRole("link", { name: zh("dashboard", "attention.spec", { title, code: productCode }) });
  await expect(specItem).toBeVisible();
  await expectNoEnglish(factoryPage, "dashboard (a spec to acknowledge)", specData);
  // Once, the frame of every page: the header and its menus (each language is named in itself there).
  await expectNoEnglish(factoryPage, "dashboard's header", [...specData, ...Object.values(LANGUAGE_NAMES)], "header");

  // ── Acknowledge it, by the Chinese button.
  await specItem.click();
  await expect(factoryPage.getByRole("heading", { level: 1, name: zh("specs", "spec.version", { number: 1 }) })).toBeVisible();
  await expect(factoryPage.getByRole("heading", { name: zh("specs", "ack.heading") })).toBeVisible();
  await expectNoEnglish(factoryPage, "spec version page (before acknowledging)", specData);
  await factoryPage.getByRole("button", { name: zh("specs", "ack.submit") }).click();
  await expect(factoryPage.getByText(sayPattern("zh-CN", "specs", "ack.acknowledged", {}, ["day"]))).toBeVisible();
  await expectToastWithoutEnglish(factoryPage, "acknowledging", specData);
  await expectNoEnglish(factoryPage, "spec version page (acknowledged)", specData);

  // The importer hears of it in English.
  const acknowledged = await readEmail(
    mailbox,
    importer.email,
    en("emails", "specAck.subjectAcknowledged", { factory: factoryName, title, version: "1" }),
    en("emails", "specAck.button"),
  );
  expect(acknowledged.body).toContain(en("emails", "specAck.body"));
  expect(acknowledged.lang).toBe("en");

  // ── Start a first article from the Chinese pages.
  await factoryPage
    .getByRole("navigation", { name: zh("common", "shell.navLabel") })
    .getByRole("link", { name: zh("common", "nav.firstArticles") })
    .click();
  await expect(factoryPage.getByRole("heading", { level: 1, name: zh("firstArticles", "list.title") })).toBeVisible();
  await expectNoEnglish(factoryPage, "first articles list (empty)", specData);
  await factoryPage.getByRole("link", { name: zh("firstArticles", "list.start") }).click();
  await expect(factoryPage.getByRole("heading", { level: 1, name: zh("firstArticles", "new.title") })).toBeVisible();
  await expectNoEnglish(factoryPage, "new first article form", specData);
  await factoryPage
    .getByLabel(zh("firstArticles", "new.specification"), { exact: true })
    .selectOption({ label: zh("firstArticles", "new.versionOption", { title, code: productCode, number: 1 }) });
  await factoryPage.getByLabel(zh("firstArticles", "new.poNumber"), { exact: true }).fill(poNumber);
  await factoryPage.getByLabel(zh("firstArticles", "new.quantityProduced"), { exact: true }).fill("500");
  await factoryPage.getByLabel(zh("firstArticles", "new.sampleCount"), { exact: true }).fill("2");
  await factoryPage.getByRole("button", { name: zh("firstArticles", "new.start"), exact: true }).click();
  await expect(factoryPage).toHaveURL(new RegExp(`/${factorySlug}/first-articles/[^/?#]+$`));
  await expectToast(factoryPage, zh("firstArticles", "toast.started"));
  await expect(factoryPage.getByRole("heading", { level: 1, name: zh("firstArticles", "page.title", { title, po: poNumber }) })).toBeVisible();
  await expect(factoryPage.getByText(zh("firstArticles", "status.DRAFT"), { exact: true })).toBeVisible();
  const faId = new URL(factoryPage.url()).pathname.split("/")[3]!;
  const faPath = `/${factorySlug}/first-articles/${faId}`;

  // Readings, labelled in Chinese; one height above its limit.
  const cell = (number: string, name: string, sample: number) =>
    factoryPage.getByLabel(zh("firstArticles", "grid.cellLabel", { number, name, sample }), { exact: true });
  await cell("1", "Height", 1).fill("95.1");
  await cell("1", "Height", 2).fill("95.7"); // above 95.5 mm
  for (const sample of [1, 2]) await cell("2", "Glaze surface", sample).selectOption({ label: zh("firstArticles", "grid.pass") });
  await expect(factoryPage.getByRole("row").filter({ hasText: "Height" })).toContainText(zh("firstArticles", "grid.row.fail"));
  await expect(factoryPage.getByRole("row").filter({ hasText: "Glaze surface" })).toContainText(zh("firstArticles", "grid.row.pass"));

  // Submitted too early (no photo yet): refused, and the reason is said in Chinese.
  await factoryPage.getByRole("button", { name: zh("firstArticles", "page.submit") }).click();
  const refusal = factoryPage.getByRole("alert").filter({ hasText: /\S/ });
  await expect(refusal).toBeVisible();
  await expect(factoryPage.getByText(zh("firstArticles", "status.DRAFT"), { exact: true })).toBeVisible();
  expectNone(await englishIn(refusal, specData), "the factory's refusal of a submit without a photo");

  // A photo of the samples, once the readings are saved (as uploadSamplePhoto waits, in Chinese).
  const autosave = factoryPage.getByTestId("autosave-status");
  await factoryPage.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const saved = sayPattern("zh-CN", "firstArticles", "autosave.saved", {}, ["time"]);
  // After the refused submit the page is drawn again: its readings saved with it, the line says so as it does at first.
  const idle = sayPattern("zh-CN", "firstArticles", "autosave.idle", {}, []);
  await expect(autosave).toHaveText(new RegExp(`${saved.source}|${idle.source}`));
  const files = factoryPage.getByRole("region", { name: zh("firstArticles", "page.files") });
  const photo = "mug-samples.png";
  await files.getByLabel(zh("firstArticles", "page.addFiles")).setInputFiles(tempFile(photo, solidPng([180, 120, 60], 16)));
  await files.getByRole("button", { name: zh("firstArticles", "page.upload"), exact: true }).click();
  await expectToast(factoryPage, zh("firstArticles", "toast.filesAdded", { count: 1 }));
  await expect(files.getByRole("img", { name: photo })).toBeVisible();
  const faData = [...specData, photo];
  await expectNoEnglish(factoryPage, "first article page (draft, readings entered)", faData);

  // Screenshots of the draft in Chinese, on a desktop and on a phone.
  const desktop = factoryPage.viewportSize()!;
  await factoryPage.setViewportSize({ width: 1280, height: 1000 });
  await screenshotWithoutToast(factoryPage, { path: `${SHOTS}/fa-zh-1280.png`, fullPage: true });
  await factoryPage.setViewportSize({ width: 375, height: 740 });
  await expect(factoryPage.getByRole("group", { name: zh("firstArticles", "grid.sampleShown") })).toBeVisible();
  const faPhone = await horizontalOverflow(factoryPage);
  expect.soft(faPhone.scrollWidth, "horizontal overflow of the Chinese first article page at 375 px").toBeLessThanOrEqual(faPhone.innerWidth);
  await screenshotWithoutToast(factoryPage, { path: `${SHOTS}/fa-zh-375.png`, fullPage: true });
  await factoryPage.setViewportSize(desktop);

  // Submit, by the Chinese button.
  await factoryPage.getByRole("button", { name: zh("firstArticles", "page.submit") }).click();
  await expectToast(factoryPage, zh("firstArticles", "toast.submitted", { emailed: 1 }));
  await expect(factoryPage.getByText(zh("firstArticles", "status.SUBMITTED"), { exact: true })).toBeVisible();
  await expectNoEnglish(factoryPage, "first article page (submitted)", faData);

  // ── The importer's email is in English; the importer rejects in English and opens a corrective action.
  const submitted = await readEmail(
    mailbox,
    importer.email,
    en("emails", "faSubmitted.subject", { factory: factoryName, title, po: poNumber }),
    en("emails", "faSubmitted.button"),
  );
  expect(submitted.body).toContain(en("emails", "faSubmitted.heading", { factory: factoryName, title, version: "1", round: "1" }));
  expect(submitted.body).toContain(en("emails", "faSubmitted.body", { po: poNumber }));
  expect(submitted.link).toMatch(new RegExp(`/${importerSlug}/first-articles/${faId}$`));
  expect(submitted.lang).toBe("en");

  await page.goto(submitted.link);
  await expect(page.getByRole("heading", { level: 1, name: `${title} — PO ${poNumber}` })).toBeVisible();
  const decide = page.getByRole("region", { name: "Your decision" });
  const reason = "One height reading is out of tolerance.";
  const finding = "Height sample 2 measured 95.7 mm, above the 95.5 mm limit.";
  await decide.getByRole("radio", { name: "Reject" }).check();
  await decide.getByLabel("Overall reason").fill(reason);
  await decide.getByLabel("1 Height", { exact: true }).fill(finding);
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status")).toContainText("Decision recorded. 1 person will be emailed.");

  await page.getByRole("link", { name: "Open a corrective action from this first article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Open a corrective action" })).toBeVisible();
  // The importer's words from here on, prefilled in the importer's language and sent as they are: the factory's data.
  const caTitle = await page.getByLabel("Title", { exact: true }).inputValue();
  const problem = await page.getByLabel("Problem", { exact: true }).inputValue();
  const planDue = isoDay(10);
  await page.getByLabel("Plan due").fill(planDue);
  await page.getByRole("button", { name: "Open corrective action" }).click();
  await expect(page.getByRole("status")).toContainText("Corrective action opened. 1 person will be emailed.");
  const caId = new URL(page.url()).pathname.split("/")[3]!;
  const factoryCaPath = `/${factorySlug}/corrective-actions/${caId}`;
  const caData = [...faData, reason, finding, caTitle, ...problem.split("\n")];

  // The factory's emails about both are in Chinese.
  const rejected = await readEmail(
    mailbox,
    factory.email,
    zh("emails", "faDecided.subjectRejected", { importer: importer.orgName, title, round: "1", po: poNumber }),
    zh("emails", "faDecided.button"),
  );
  expect(rejected.body).toContain(zh("emails", "faDecided.reason"));
  expect(rejected.body).toContain(zh("emails", "faDecided.nextRound"));
  expect(rejected.body).toContain(reason);
  expectChineseEmail(rejected, "the first-article-rejected email", caData);

  const raised = await readEmail(
    mailbox,
    factory.email,
    zh("emails", "ca.subject.opened", { org: importer.orgName, title: caTitle }),
    zh("emails", "ca.button"),
  );
  expect(raised.body).toContain(zh("emails", "ca.body.opened", { date: zh("emails", "common.dueInZone", { date: emailDate("zh-CN", planDue), zone: "UTC" }) }));
  expect(raised.link).toMatch(new RegExp(`${factoryCaPath}$`));
  expectChineseEmail(raised, "the corrective-action-opened email", caData);

  // ── The factory sees the rejection on its first article, in Chinese.
  await factoryPage.goto(faPath);
  await expect(factoryPage.getByText(zh("firstArticles", "status.REJECTED"), { exact: true }).first()).toBeVisible();
  await expect(factoryPage.getByText(reason).first()).toBeVisible();
  await expectNoEnglish(factoryPage, "first article page (rejected)", caData);

  // ── Dashboard: the corrective action waits for its answer; open it from there.
  await factoryPage
    .getByRole("navigation", { name: zh("common", "shell.navLabel") })
    .getByRole("link", { name: zh("common", "nav.overview") })
    .click();
  await expect(factoryPage.getByRole("heading", { level: 1, name: factoryName })).toBeVisible();
  const toAnswer = factoryPage.getByRole("region", { name: zh("dashboard", "attention.group.corrective-actions-to-answer"), exact: true });
  await expect(toAnswer).toBeVisible();
  await expectNoEnglish(factoryPage, "dashboard (a corrective action to answer)", caData);
  await toAnswer.getByRole("link", { name: caTitle }).click();
  await expect(factoryPage).toHaveURL(factoryCaPath);
  await expect(factoryPage.getByRole("heading", { level: 1, name: caTitle })).toBeVisible();
  await expect(factoryPage.getByTestId("whose-turn")).toHaveText(
    zh("correctiveActions", "detail.waitingFor", { turn: zh("correctiveActions", "turn.OPEN", { factory: factoryName, date: dueInChinese(planDue) }) }),
  );

  // ── Answer in Chinese: containment, where it came from, root cause, one action; then send the plan.
  const answer = factoryPage.locator("form").filter({ has: factoryPage.getByRole("heading", { name: zh("correctiveActions", "answer.heading") }) });
  const plan = {
    containment: "本批 500 个杯子全部隔离，并 100% 复测高度；超过 95.5 mm 的 23 个已挑出返工。",
    rootCause: "夜班烧成后的高度检查被跳过，所以没有发现模具磨损。",
    action: "更换磨损的模具",
    owner: "张敏（模具）",
    due: isoDay(14),
  };
  await answer.getByLabel(zh("correctiveActions", "answer.containment"), { exact: true }).fill(plan.containment);
  await answer.getByLabel(zh("correctiveActions", "answer.rootCauseCategory")).selectOption({ label: zh("correctiveActions", "rootCause.SKIPPED_CHECK") });
  await answer.getByLabel(zh("correctiveActions", "answer.rootCause"), { exact: true }).fill(plan.rootCause);
  await answer.getByRole("button", { name: zh("correctiveActions", "answer.add") }).click();
  const row = answer.getByTestId("ca-item").first();
  await row.getByLabel(zh("correctiveActions", "answer.action"), { exact: true }).fill(plan.action);
  await row.getByLabel(zh("correctiveActions", "answer.owner"), { exact: true }).fill(plan.owner);
  await row.getByLabel(zh("correctiveActions", "answer.due"), { exact: true }).fill(plan.due);
  await expectNoEnglish(factoryPage, "corrective action page (answering)", caData);

  await factoryPage.setViewportSize({ width: 1280, height: 1000 });
  await screenshotWithoutToast(factoryPage, { path: `${SHOTS}/ca-answer-zh-1280.png`, fullPage: true });
  await factoryPage.setViewportSize({ width: 375, height: 740 });
  const caPhone = await horizontalOverflow(factoryPage);
  expect.soft(caPhone.scrollWidth, "horizontal overflow of the Chinese corrective action page at 375 px").toBeLessThanOrEqual(caPhone.innerWidth);
  await screenshotWithoutToast(factoryPage, { path: `${SHOTS}/ca-answer-zh-375.png`, fullPage: true });
  await factoryPage.setViewportSize(desktop);

  await answer.getByRole("button", { name: zh("correctiveActions", "answer.submit") }).click();
  await expectToast(factoryPage, zh("correctiveActions", "toast.planSent"));
  await expect(factoryPage.getByTestId("whose-turn")).toHaveText(
    zh("correctiveActions", "detail.waitingFor", { turn: zh("correctiveActions", "turn.PLAN_SUBMITTED", { importer: importer.orgName }) }),
  );
  const sentPlan = factoryPage.getByRole("region", { name: zh("correctiveActions", "plan.heading") });
  await expect(sentPlan).toContainText(zh("correctiveActions", "plan.rootCauseWith", { category: zh("correctiveActions", "rootCause.SKIPPED_CHECK") }));
  await expect(sentPlan).toContainText(zh("correctiveActions", "plan.itemDue", { owner: plan.owner, date: dueInChinese(plan.due) }));
  await expectNoEnglish(factoryPage, "corrective action page (plan sent)", [...caData, ...Object.values(plan)]);

  // ── The importer hears of the plan in English.
  const planned = await readEmail(
    mailbox,
    importer.email,
    en("emails", "ca.subject.planSubmitted", { org: factoryName, title: caTitle }),
    en("emails", "ca.button"),
  );
  expect(planned.link).toMatch(new RegExp(`/${importerSlug}/corrective-actions/${caId}$`));
  expect(planned.body).toContain(en("emails", "ca.subject.planSubmitted", { org: factoryName, title: caTitle }));
  expect(planned.lang).toBe("en");
  expect(submitted.body).toContain(en("emails", "footer.automatic"));

  // What a Chinese reader still met in English, all in one place for whoever reads the run.
  if (strays.length) console.log(`English on the factory's Chinese pages:\n${strays.map((s) => `  - ${s}`).join("\n")}`);
  await mailbox.context().close();
  await factoryPage.context().close();
});
