import { expect, test } from "@playwright/test";
import { addCharacteristic, createSpec, PASSWORD, saveDraft, signUp, slugOf, solidPng, tempFile, uniqueEmail, uniqueTag } from "./support.ts";

test("debug defect rows", async ({ page }) => {
  await signUp(page, { name: "A", email: uniqueEmail("a"), password: PASSWORD, orgName: `Dbg ${uniqueTag()}`, kind: "IMPORTER" });
  await createSpec(page, slugOf(page), { title: "T", productCode: "P" });
  await addCharacteristic(page, { number: "1", name: "Glaze", visual: { passes: "ok" } });
  await saveDraft(page);
  const defectForm = page.getByRole("region", { name: "Add a defect example" });
  await defectForm.getByLabel("Description").fill("Drip");
  await defectForm.getByLabel("Acceptable — photo", { exact: true }).setInputFiles(tempFile("a.png", solidPng([1, 2, 3])));
  await defectForm.getByLabel("Not acceptable — photo").setInputFiles(tempFile("b.png", solidPng([4, 5, 6])));
  await defectForm.getByRole("button", { name: "Add example" }).click();
  await expect(page.getByRole("status")).toContainText("Defect example added.");
  console.log("before reload groups:", await page.getByRole("group", { name: "Defect examples" }).count());
  console.log("defect desc value after add:", await defectForm.getByLabel("Description").inputValue());
  // Save without reload
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toContainText("Draft saved.");
  await page.reload();
  console.log("after save+reload groups:", await page.getByRole("group", { name: "Defect examples" }).count());
  await page.goto(page.url().replace(/\/edit$/, ""));
  console.log("view defect examples:", await page.getByTestId("defect-example").count());
});
