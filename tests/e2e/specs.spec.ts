import { expect, test, type Page } from "./fixtures.ts";
import {
  addCharacteristic,
  PASSWORD,
  signUp,
  slugOf,
  uniqueEmail,
  uniqueTag,
  emailLink,
  minimalPdf,
  publishDraft,
  saveDraft,
  setUpPartners,
  shareWith,
  createSpec,
  solidPng,
  tempFile,
} from "./support.ts";

/** In the draft editor: a defect example for `characteristic`, with a real green PNG as acceptable and a red one as not. */
async function addDefectExample(page: Page, example: { description: string; characteristic: string; unacceptablePhoto: string }) {
  const defectForm = page.getByRole("region", { name: "Add a defect example" });
  await defectForm.getByLabel("Description").fill(example.description);
  await defectForm.getByLabel("For characteristic").selectOption({ label: example.characteristic });
  await defectForm.getByLabel("Acceptable — photo", { exact: true }).setInputFiles(tempFile("rim-ok.png", solidPng([40, 160, 60])));
  await defectForm.getByLabel("Not acceptable — photo").setInputFiles(tempFile(example.unacceptablePhoto, solidPng([200, 40, 40])));
  await defectForm.getByRole("button", { name: "Add example" }).click();
  await expect(page.getByRole("status")).toContainText("Defect example added.");
}

test("an importer publishes and shares a spec, the factory acknowledges it, then queries a tightened tolerance in v2", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const partners = await setUpPartners(page, browser);
  const { importer, importerSlug, factory, factoryName, factoryPage, tag } = partners;
  const title = `Stoneware mug 350 ml ${tag}`;
  const productCode = `MUG-350-${tag}`;

  // ── Importer: Specifications → New specification → the draft editor of version 1.
  const { specUrl } = await createSpec(page, importerSlug, { title, productCode });
  await expect(page.getByRole("status")).toContainText("Specification created.");
  await addCharacteristic(page, { number: "1", name: "Outer diameter", nominal: "82", lowerTol: "-0.5", upperTol: "0.5", unit: "mm" });
  await addCharacteristic(page, { number: "2", name: "Height", nominal: "95", lowerTol: "-1", upperTol: "1.5", unit: "mm" });
  await addCharacteristic(page, { number: "3", name: "Glaze finish", visual: { passes: "No chips larger than 1 mm, no bare spots" } });
  await page.getByRole("button", { name: "+ Add material" }).click();
  const material = page.getByTestId("material-row");
  await expect(material).toHaveCount(1);
  await material.getByRole("textbox", { name: "Material", exact: true }).fill("Stoneware clay");
  await material.getByLabel("Grade").fill("Food-safe");
  await material.getByLabel("Supplier or standard").fill("EN 1388-1");
  const packaging = "Each mug in a paper sleeve. 6 mugs per inner box, 24 per carton. Carton mark: product code and PO.";
  await page.getByLabel("Packaging instructions").fill(packaging);
  await saveDraft(page);

  // What was saved comes back from the server: three rows, one of them a visual check.
  const rows = page.getByTestId("characteristic-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).getByLabel("Name")).toHaveValue("Outer diameter");
  await expect(rows.nth(0).getByLabel("Upper tol.")).toHaveValue("0.5");
  await expect(rows.nth(1).getByLabel("Lower tol.")).toHaveValue("-1");
  await expect(rows.nth(2).getByLabel("Type")).toHaveValue("ATTRIBUTE");
  await expect(rows.nth(2).getByLabel("What passes")).toHaveValue("No chips larger than 1 mm, no bare spots");
  await expect(page.getByTestId("material-row").getByRole("textbox", { name: "Material", exact: true })).toHaveValue("Stoneware clay");
  await expect(page.getByLabel("Packaging instructions")).toHaveValue(packaging);

  // A real PDF drawing.
  const drawings = page.getByRole("region", { name: "Drawings and documents" });
  await drawings.getByLabel("Add drawings or documents").setInputFiles(tempFile("mug-350-drawing.pdf", minimalPdf("MUG-350 drawing")));
  await drawings.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status")).toContainText("Files added.");
  await expect(drawings.getByRole("link", { name: /mug-350-drawing\.pdf/ })).toBeVisible();

  // A defect pair: two real PNG photos.
  await addDefectExample(page, { description: "Glaze drip on the rim", characteristic: "3 Glaze finish", unacceptablePhoto: "rim-drip.png" });
  // The new pair is listed in the editor's rows, where its words can be changed.
  // Soft, so the rest of the flow still runs and reports: see the test below.
  const defectRows = page.getByRole("group", { name: "Defect examples" });
  await expect.soft(defectRows.getByLabel("Description"), "the added defect example in the editor's rows").toHaveValue("Glaze drip on the rim");
  // The characteristic rows are still there after the uploads.
  await expect(rows).toHaveCount(3);
  await page.screenshot({ path: "/tmp/spec-edit.png", fullPage: true });

  // Preview, then publish version 1.
  await publishDraft(page, 1);
  await expect(page.getByRole("heading", { level: 1, name: "Version 1" })).toBeVisible();
  await expect(page.getByTestId("characteristic-1")).toContainText("82 ± 0.5 mm");

  // Back on the spec page: share with the factory.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`${specUrl}$`));
  await expect(page.getByTestId("version-row").filter({ hasText: "Version 1" })).toContainText("published");
  await shareWith(page, factoryName);

  // ── Factory: the "published" email, its link, the spec as the factory reads it.
  const v1Link = await emailLink(factoryPage, factory.email, `${importer.orgName} published ${title}, version 1`, "Open and acknowledge");
  expect(v1Link).toMatch(new RegExp(`/${partners.factorySlug}/specs/[^/]+/v/1$`));
  await factoryPage.goto(v1Link);
  await expect(factoryPage.getByRole("heading", { level: 1, name: "Version 1" })).toBeVisible();
  await expect(factoryPage.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: title })).toBeVisible();
  const characteristics = factoryPage.getByRole("region", { name: "Characteristics (3)" });
  await expect(characteristics.getByTestId("characteristic-1")).toContainText("Outer diameter");
  await expect(characteristics.getByTestId("characteristic-1")).toContainText("82 ± 0.5 mm");
  await expect(characteristics.getByTestId("characteristic-2")).toContainText("95 +1.5 / −1 mm");
  await expect(characteristics.getByTestId("characteristic-3")).toContainText("Pass / fail");
  await expect(characteristics.getByTestId("characteristic-3")).toContainText("No chips larger than 1 mm, no bare spots");
  await expect(factoryPage.getByRole("region", { name: "Approved materials" })).toContainText("Stoneware clay · Food-safe · EN 1388-1");
  await expect(factoryPage.getByRole("region", { name: "Packaging" })).toContainText(packaging);
  const defect = factoryPage.getByTestId("defect-example");
  await expect(defect).toContainText("Glaze drip on the rim");
  await expect(defect).toContainText("For 3 Glaze finish");
  await expect(defect.getByRole("img", { name: "rim-ok.png" })).toBeVisible();
  await expect(defect.getByRole("img", { name: "rim-drip.png" })).toBeVisible();
  const drawingLink = factoryPage.getByRole("region", { name: "Drawings and documents" }).getByRole("link", { name: /mug-350-drawing\.pdf/ });
  await expect(drawingLink).toBeVisible();
  // The drawing link serves the PDF that was uploaded, to the factory.
  const drawingHref = await drawingLink.getAttribute("href");
  const drawing = await factoryPage.request.get(drawingHref!);
  expect(drawing.status()).toBe(200);
  expect(drawing.headers()["content-type"]).toContain("application/pdf");
  expect((await drawing.body()).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");

  await factoryPage.getByRole("button", { name: "I acknowledge this version" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("You acknowledged version 1.");
  await expect(factoryPage.getByRole("region", { name: "Your acknowledgement" })).toContainText("✓ Acknowledged");
  await expect(factoryPage.getByRole("button", { name: "I acknowledge this version" })).toHaveCount(0);

  // ── Importer: the version page shows the factory's acknowledgement.
  await page.getByTestId("version-row").getByRole("link", { name: "Version 1" }).click();
  const v1Acks = page.getByRole("region", { name: "Acknowledgements" }).getByTestId("ack-status").filter({ hasText: factoryName });
  await expect(v1Acks).toContainText("acknowledged");
  await expect(v1Acks).toContainText(factory.name);

  // ── Importer: version 2 tightens one tolerance.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: title }).click();
  await page.getByRole("button", { name: "Start a new version" }).click();
  await expect(page).toHaveURL(new RegExp(`${specUrl}/v/2/edit$`));
  await expect(page.getByRole("heading", { level: 1, name: "Edit draft version 2" })).toBeVisible();
  const first = page.getByTestId("characteristic-row").nth(0);
  await expect(first.getByLabel("Name")).toHaveValue("Outer diameter");
  await expect(first.getByLabel("Upper tol.")).toHaveValue("0.5");
  await first.getByLabel("Upper tol.").fill("0.3");
  await saveDraft(page);
  await expect(page.getByTestId("characteristic-row").nth(0).getByLabel("Upper tol.")).toHaveValue("0.3");
  await publishDraft(page, 2);

  // ── Factory: the new email leads to version 2 with the change highlighted.
  const v2Link = await emailLink(factoryPage, factory.email, `${importer.orgName} published ${title}, version 2`, "Open and acknowledge");
  expect(v2Link).toMatch(/\/v\/2$/);
  await factoryPage.goto(v2Link);
  await expect(factoryPage.getByRole("heading", { level: 1, name: "Version 2" })).toBeVisible();
  const changes = factoryPage.getByRole("region", { name: /What changed since version 1/ });
  await expect(changes).toBeVisible();
  const changedRow = changes.getByTestId("diff-characteristic-1");
  await expect(changedRow).toHaveAttribute("data-change", "tightened");
  await expect(changedRow).toContainText("Outer diameter");
  await expect(changedRow).toContainText("Tolerance tightened");
  await expect(changedRow.getByRole("deletion")).toContainText("82 ± 0.5 mm");
  await expect(changedRow.getByRole("insertion")).toContainText("82 +0.3 / −0.5 mm");
  // Only the changed characteristic is listed.
  await expect(changes.getByTestId("diff-characteristic-2")).toHaveCount(0);
  await expect(changes.getByTestId("diff-characteristic-3")).toHaveCount(0);
  await expect(factoryPage.getByTestId("characteristic-1")).toContainText("82 +0.3 / −0.5 mm");
  await factoryPage.screenshot({ path: "/tmp/spec-version-factory.png", fullPage: true });

  // The factory asks instead of acknowledging.
  const question = "Can the 0.3 mm upper tolerance on the outer diameter be held with the current mould, or may we use the new one?";
  await factoryPage.getByLabel("Or ask a question").fill(question);
  await factoryPage.getByRole("button", { name: "Send question" }).click();
  await expect(factoryPage.getByRole("status")).toContainText("Your question was sent to the importer.");
  await expect(factoryPage.getByRole("region", { name: "Your acknowledgement" })).toContainText(`You asked: “${question}”`);
  const factoryThread = factoryPage.getByTestId("thread");
  const asked = factoryThread.getByTestId("comment").filter({ hasText: question });
  await expect(asked).toHaveCount(1);
  await expect(asked).toHaveAttribute("data-side", "FACTORY");

  // ── Importer: the query email, the version page, the answer in the thread.
  const queryLink = await emailLink(page, importer.email, `${factoryName} has a question about ${title}, version 2`, "Open the specification");
  await page.goto(queryLink);
  await expect(page.getByRole("heading", { level: 1, name: "Version 2" })).toBeVisible();
  const v2Ack = page.getByRole("region", { name: "Acknowledgements" }).getByTestId("ack-status").filter({ hasText: factoryName });
  await expect(v2Ack).toContainText("queried");
  await expect(v2Ack).toContainText(question);
  await v2Ack.getByRole("link", { name: factoryName }).click();
  await expect(page).toHaveURL(/\/v\/2\?factory=[^&#]+#thread$/);
  await expect(page.getByText(`Conversation with ${factoryName}`)).toBeVisible();
  const importerThread = page.getByTestId("thread");
  await expect(importerThread.getByTestId("comment").filter({ hasText: question })).toHaveAttribute("data-side", "FACTORY");
  const answer = "Yes, use the new mould. Please send 5 samples measured at 3 points before the production run.";
  await importerThread.getByLabel("Add a comment").fill(answer);
  await importerThread.getByRole("button", { name: "Send comment" }).click();
  await expect(page.getByRole("status")).toContainText("Comment posted.");
  const answered = importerThread.getByTestId("comment").filter({ hasText: answer });
  await expect(answered).toHaveCount(1);
  await expect(answered).toHaveAttribute("data-side", "IMPORTER");
  await expect(answered).toHaveAttribute("data-visibility", "SHARED");

  // ── Factory: after a reload the answer is there, marked as the importer's.
  await factoryPage.reload();
  const reply = factoryThread.getByTestId("comment").filter({ hasText: answer });
  await expect(reply).toHaveCount(1);
  await expect(reply).toHaveAttribute("data-side", "IMPORTER");
  await expect(reply.getByRole("heading", { name: importer.name })).toBeVisible();
  await expect(reply).toContainText(importer.orgName);
  await expect(reply).toContainText("Importer");
  // Question first, then the answer.
  await expect(factoryThread.getByTestId("comment")).toHaveCount(2);
  await expect(factoryThread.getByTestId("comment").nth(0)).toContainText(question);
  await expect(factoryThread.getByTestId("comment").nth(1)).toContainText(answer);
  await factoryThread.scrollIntoViewIfNeeded();
  await factoryThread.screenshot({ path: "/tmp/spec-thread.png" });

  await factoryPage.context().close();
});

test("a defect example added in the draft editor is listed there and survives the next Save draft", async ({ page }) => {
  const tag = uniqueTag();
  await signUp(page, { name: "Maria Fernández", email: uniqueEmail("maria"), password: PASSWORD, orgName: `Harbour Home ${tag}`, kind: "IMPORTER" });
  const { specUrl } = await createSpec(page, slugOf(page), { title: `Enamel bowl ${tag}`, productCode: `BWL-${tag}` });
  await addCharacteristic(page, { number: "1", name: "Enamel finish", visual: { passes: "No chips, no black spots" } });
  await saveDraft(page);

  await addDefectExample(page, { description: "Chipped enamel on the rim", characteristic: "1 Enamel finish", unacceptablePhoto: "rim-chip.png" });
  await expect
    .soft(page.getByRole("group", { name: "Defect examples" }).getByLabel("Description"), "the added defect example in the editor's rows")
    .toHaveValue("Chipped enamel on the rim");

  // The importer goes on editing on the same page, then saves.
  await page.getByLabel("Packaging instructions").fill("One bowl per paper sleeve, 12 per carton.");
  await saveDraft(page);
  await page.goto(`${specUrl}/v/1`);
  await expect(page.getByRole("region", { name: "Packaging" })).toContainText("One bowl per paper sleeve");
  const defect = page.getByTestId("defect-example");
  await expect(defect, "the defect example after the next Save draft").toHaveCount(1);
  await expect(defect).toContainText("Chipped enamel on the rim");
  await expect(defect).toContainText("For 1 Enamel finish");
});
