// Helpers for the Playwright tests: they drive the real pages, the way a
// person would, so a helper that passes is itself evidence the flow works.
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { type Browser, expect, type FrameLocator, type Locator, type Page } from "@playwright/test";

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
 * /signup. A sign-up from an invitation to this very address is signed in at
 * once; any other lands on "Check your email", and the helper follows the
 * confirmation link from the dev mailbox as the person would. Resolves once
 * signed in, on the page the app led to.
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
  if (new URL(page.url()).pathname === "/signup/sent") {
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await confirmSignup(page, user.email, user.password);
  }
}

/** Opens the newest confirmation email to `email` and confirms; lands where the new account starts. */
export async function confirmSignup(page: Page, email: string, password: string) {
  const link = await emailLink(page, email, "Confirm your email to finish your Supplier Portal account", "Confirm my email");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm your email" })).toBeVisible();
  await page.getByLabel("Your password").fill(password);
  await page.getByRole("button", { name: "Confirm and log in" }).click();
  await expect(page).not.toHaveURL(/\/signup\/confirm\//);
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

/** Reloads the dev mailbox until `entry` is listed (the outbox worker sends every ~2 s), then opens that email. */
async function openInMailbox(page: Page, entry: Locator) {
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(entry).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000, intervals: [500, 1_000, 2_000] });
  await entry.click();
  await expect(page).toHaveURL(/\/dev\/mailbox\/[^/]+$/);
}

/** The href of the link `pick` finds in the open email's HTML (rendered in a sandboxed srcDoc iframe), once it shows. */
async function hrefInEmail(page: Page, pick: (content: FrameLocator) => Locator, missing: string) {
  const link = pick(page.frameLocator('iframe[title="Email content"]')).first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  if (!href) throw new Error(missing);
  return href;
}

/**
 * Waits for the outbox worker to deliver an email to `email`, opens it in the
 * dev mailbox and returns the invitation link from the email's HTML.
 */
export async function openLatestEmailTo(page: Page, email: string) {
  // The list is newest first, so the first match is the latest email.
  const entry = page
    .getByRole("link")
    .filter({ hasText: `To: ${email.toLowerCase()}` })
    .first();
  await openInMailbox(page, entry);
  await expect(page.getByText(email.toLowerCase(), { exact: true })).toBeVisible();

  return hrefInEmail(page, (content) => content.locator('a[href*="/invitations/"]'), `The email to ${email} has no invitation link`);
}

// ---------------------------------------------------------------------------
// Specifications: partners, files and the spec flow, shared by the spec tests.

/**
 * Waits for an email to `email` whose subject matches `subject`, opens it in
 * the dev mailbox and returns the href of the link (or button) named
 * `linkName` in the email's HTML.
 */
export async function emailLink(page: Page, email: string, subject: string | RegExp, linkName: string | RegExp) {
  const entry = page
    .getByRole("link")
    .filter({ hasText: `To: ${email.toLowerCase()}` })
    .filter({ hasText: subject })
    .first();
  await openInMailbox(page, entry);
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  return hrefInEmail(page, (content) => content.getByRole("link", { name: linkName }), `The email to ${email} has no link named ${linkName}`);
}

export interface Partners {
  tag: string;
  importer: Required<NewUser>;
  importerSlug: string;
  factory: NewUser;
  factoryName: string;
  factorySlug: string;
  /** The factory user's own page, in a browser context of its own (close it at the end). */
  factoryPage: Page;
}

/**
 * The importer signs up on `page` and invites a factory from the Factories
 * page; the factory contact, in a new context of `browser`, accepts through
 * the emailed link and creates the factory org. Ends with both signed in.
 */
export async function setUpPartners(page: Page, browser: Browser, options: { viewport?: { width: number; height: number } } = {}): Promise<Partners> {
  const tag = uniqueTag();
  const importer = { name: "Anna Berg", email: uniqueEmail("anna"), password: PASSWORD, orgName: `Nordic Home ${tag}`, kind: "IMPORTER" as const };
  const factory: NewUser = { name: "Li Wei", email: uniqueEmail("li.wei"), password: PASSWORD };
  const factoryName = `Ningbo Ceramics ${tag}`;

  await signUp(page, importer);
  const importerSlug = slugOf(page);
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Factories" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Factories" })).toBeVisible();
  await page.getByLabel("Factory contact's email").fill(factory.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${factory.email}.`);

  const factoryContext = await browser.newContext(options.viewport ? { viewport: options.viewport } : {});
  const factoryPage = await factoryContext.newPage();
  const acceptUrl = await openLatestEmailTo(factoryPage, factory.email);
  await factoryPage.goto(acceptUrl);
  await factoryPage.getByRole("link", { name: "Create an account" }).click();
  await expect(factoryPage).toHaveURL(/\/signup\?invitation=/);
  await signUp(factoryPage, factory);
  await expect(factoryPage).toHaveURL(new URL(acceptUrl).pathname);
  await factoryPage.getByRole("radio", { name: "A new factory organization" }).check();
  await factoryPage.getByLabel("Factory name").fill(factoryName);
  await factoryPage.getByRole("button", { name: "Accept invitation" }).click();
  await expect(factoryPage).toHaveURL(/\/[^/]+\/partners$/);
  await expect(factoryPage.getByRole("status")).toContainText(`${factoryName} is now a partner of ${importer.orgName}.`);
  const factorySlug = slugOf(factoryPage);
  return { tag, importer, importerSlug, factory, factoryName, factorySlug, factoryPage };
}

/** A minimal but well-formed one-page PDF (correct xref offsets), as bytes. */
export function minimalPdf(text = "Drawing") {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    (() => {
      const stream = `BT /F1 18 Tf 20 40 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A valid `size`×`size` PNG of one RGB colour, as bytes. */
export function solidPng([r, g, b]: [number, number, number], size = 8) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", pixels),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Writes `bytes` to a fresh temp folder under `name` and returns the path. */
export function tempFile(name: string, bytes: Buffer) {
  const path = join(mkdtempSync(join(tmpdir(), "e2e-")), name);
  writeFileSync(path, bytes);
  return path;
}

export interface CharacteristicInput {
  number: string;
  name: string;
  nominal?: string;
  lowerTol?: string;
  upperTol?: string;
  unit?: string;
  /** A visual check: no numbers, only what passes. */
  visual?: { passes: string };
}

/** Opens Specifications → New specification and creates it; lands on the draft editor of version 1. */
export async function createSpec(page: Page, slug: string, spec: { title: string; productCode: string }) {
  await page.goto(`/${slug}`);
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Specifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Specifications" })).toBeVisible();
  await page.getByRole("link", { name: "New specification" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New specification" })).toBeVisible();
  await page.getByLabel("Title").fill(spec.title);
  await page.getByLabel("Product code").fill(spec.productCode);
  await page.getByRole("button", { name: "Create specification" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/specs/[^/]+/v/1/edit$`));
  await expect(page.getByRole("heading", { level: 1, name: "Edit draft version 1" })).toBeVisible();
  const specId = new URL(page.url()).pathname.split("/")[3]!;
  return { specId, specUrl: `/${slug}/specs/${specId}` };
}

/** On the draft editor: "+ Add characteristic" and fills the new (last) row. */
export async function addCharacteristic(page: Page, c: CharacteristicInput) {
  const rows = page.getByTestId("characteristic-row");
  const before = await rows.count();
  await page.getByRole("button", { name: "+ Add characteristic" }).click();
  await expect(rows).toHaveCount(before + 1);
  const row = rows.nth(before);
  await row.getByLabel("No.", { exact: true }).fill(c.number);
  await row.getByLabel("Name", { exact: true }).fill(c.name);
  if (c.visual) {
    await row.getByLabel("Type").selectOption({ label: "Visual check" });
    await expect(row.getByLabel("Nominal", { exact: true })).toHaveCount(0);
    await row.getByLabel("What passes", { exact: true }).fill(c.visual.passes);
    return row;
  }
  await row.getByLabel("Nominal", { exact: true }).fill(c.nominal ?? "");
  await row.getByLabel("Lower tol.", { exact: true }).fill(c.lowerTol ?? "");
  await row.getByLabel("Upper tol.", { exact: true }).fill(c.upperTol ?? "");
  await row.getByLabel("Unit", { exact: true }).fill(c.unit ?? "");
  return row;
}

/** On the draft editor: "Save draft", and waits for the app to confirm it. */
export async function saveDraft(page: Page) {
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toContainText("Draft saved.");
}

/** From the draft editor: "Preview and publish" → "Publish version N" → confirm. Ends on the version page. */
export async function publishDraft(page: Page, number: number) {
  await page.getByRole("link", { name: "Preview and publish" }).click();
  await expect(page).toHaveURL(new RegExp(`/specs/[^/]+/v/${number}$`));
  // Publishing asks first, in a dialog that says who will be emailed.
  const opener = page.locator("summary", { hasText: `Publish version ${number}` });
  await opener.click();
  await page
    .getByRole("dialog", { name: `Publish version ${number}` })
    .getByRole("button", { name: "Publish", exact: true })
    .click();
  await expect(page.getByRole("status")).toContainText(`Version ${number} is published.`);
  await expect(opener).toHaveCount(0);
}

/** On the spec page: ticks the factory under "Share with" and shares. */
export async function shareWith(page: Page, factoryName: string) {
  const sharing = page.getByRole("complementary").filter({ has: page.getByRole("heading", { name: "Shared with" }) });
  await sharing.getByRole("checkbox", { name: factoryName }).check();
  await sharing.getByRole("button", { name: "Share" }).click();
  await expect(page.getByRole("status")).toContainText("Shared. Factories see published versions only.");
  await expect(page.getByTestId("shared-factory").filter({ hasText: factoryName })).toBeVisible();
}

/** The importer creates a spec with `characteristics`, publishes version 1 and shares it with the factory. */
export async function publishAndShareSpec(
  page: Page,
  partners: Pick<Partners, "importerSlug" | "factoryName">,
  spec: { title: string; productCode: string; characteristics: CharacteristicInput[]; packaging?: string },
) {
  const created = await createSpec(page, partners.importerSlug, spec);
  for (const c of spec.characteristics) await addCharacteristic(page, c);
  if (spec.packaging) await page.getByLabel("Packaging instructions").fill(spec.packaging);
  await saveDraft(page);
  await publishDraft(page, 1);
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: spec.title }).click();
  await expect(page).toHaveURL(new RegExp(`${created.specUrl}$`));
  await shareWith(page, partners.factoryName);
  return created;
}

/** The page's horizontal overflow: how far the document is wider than the window. */
export async function horizontalOverflow(page: Page) {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

// ---------------------------------------------------------------------------
// First articles: acknowledging a spec, starting a first article, photos.

/**
 * Like `emailLink`, but keeps waiting until the newest matching email's link
 * also matches `href`: for emails whose subjects repeat (a resubmitted first
 * article is announced with the same subject as the first round).
 */
export async function emailLinkMatching(page: Page, email: string, subject: string | RegExp, linkName: string | RegExp, href: RegExp) {
  let found = "";
  await expect(async () => {
    found = await emailLink(page, email, subject, linkName);
    expect(found).toMatch(href);
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  return found;
}

/** The factory opens the "published" email of version `number` and acknowledges that version. */
export async function acknowledgeFromEmail(factoryPage: Page, partners: Pick<Partners, "importer" | "factory">, title: string, number = 1) {
  const link = await emailLink(
    factoryPage,
    partners.factory.email,
    `${partners.importer.orgName} published ${title}, version ${number}`,
    "Open and acknowledge",
  );
  await factoryPage.goto(link);
  await expect(factoryPage.getByRole("heading", { level: 1, name: `Version ${number}` })).toBeVisible();
  await factoryPage.getByRole("button", { name: "I acknowledge this version" }).click();
  await expect(factoryPage.getByRole("status")).toContainText(`You acknowledged version ${number}.`);
}

/**
 * Partners (set up through the UI) and a mug spec of `characteristics` that the importer published and
 * shared and the factory acknowledged from its email: where a first article's story starts. `poNumber`
 * is one for the factory to inspect a lot under.
 */
export async function partnersWithAcknowledgedSpec(page: Page, browser: Browser, characteristics: CharacteristicInput[]) {
  const partners = await setUpPartners(page, browser);
  const title = `Stoneware mug 350 ml ${partners.tag}`;
  const productCode = `MUG-350-${partners.tag}`;
  await publishAndShareSpec(page, partners, { title, productCode, characteristics });
  await acknowledgeFromEmail(partners.factoryPage, partners, title);
  return { ...partners, title, productCode, poNumber: `PO-4711-${partners.tag}` };
}

export interface NewFirstArticle {
  title: string;
  productCode: string;
  version?: number;
  poNumber: string;
  quantityProduced: string;
  sampleCount: string;
}

/**
 * The factory: First articles → Start a first article → the form → Start.
 * Ends on the new draft's page; returns its id and path.
 */
export async function startFirstArticle(factoryPage: Page, factorySlug: string, fa: NewFirstArticle) {
  await factoryPage.goto(`/${factorySlug}`);
  await factoryPage.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "First articles" }).click();
  await expect(factoryPage.getByRole("heading", { level: 1, name: "First articles" })).toBeVisible();
  await factoryPage.getByRole("link", { name: "Start a first article" }).click();
  await expect(factoryPage.getByRole("heading", { level: 1, name: "Start a first article" })).toBeVisible();
  await factoryPage.getByLabel("Specification").selectOption({ label: `${fa.title} (${fa.productCode}) — version ${fa.version ?? 1}` });
  await factoryPage.getByLabel("PO number").fill(fa.poNumber);
  await factoryPage.getByLabel("Quantity produced").fill(fa.quantityProduced);
  await factoryPage.getByLabel("Samples measured").fill(fa.sampleCount);
  await factoryPage.getByRole("button", { name: "Start", exact: true }).click();
  await expect(factoryPage).toHaveURL(new RegExp(`/${factorySlug}/first-articles/[^/?#]+$`));
  await expect(factoryPage.getByRole("status")).toContainText("First article started.");
  await expect(factoryPage.getByRole("heading", { level: 1, name: `${fa.title} — PO ${fa.poNumber}` })).toBeVisible();
  const faId = new URL(factoryPage.url()).pathname.split("/")[3]!;
  return { faId, faPath: `/${factorySlug}/first-articles/${faId}` };
}

/** On a draft first article: "Add photos or files" → Upload, with a real PNG named `name`. */
export async function uploadSamplePhoto(page: Page, name: string, colour: [number, number, number] = [180, 120, 60]) {
  const files = page.getByRole("region", { name: "Sample photos and files" });
  // Readings just typed are saved first, as a person pausing would see them saved: an upload posted while
  // that autosave is in flight can lose its toast to the autosave's reload (a known race, see the closing note).
  const autosave = page.getByTestId("autosave-status");
  if (await autosave.count()) {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect(autosave).toHaveText(/^(Saved |Readings save as you type)/);
    await expect(autosave).not.toHaveText(/Saving|Not saved/, { timeout: 2_000 });
  }
  await files.getByLabel("Add photos or files").setInputFiles(tempFile(name, solidPng(colour, 16)));
  await files.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("1 file added.");
  await expect(files.getByRole("img", { name })).toBeVisible();
}
