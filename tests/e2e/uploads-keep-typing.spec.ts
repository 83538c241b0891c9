import { expect, test } from "./fixtures.ts";
import { createSpec, PASSWORD, signUp, slugOf, tempFile, uniqueEmail, uniqueTag } from "./support.ts";
/** A JPEG's pixel size, from its start-of-frame marker. */
function jpegSize(bytes: Buffer) {
  for (let at = 2; at + 9 < bytes.length;) {
    if (bytes[at] !== 0xff) throw new Error("Not a JPEG marker");
    const marker = bytes[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3) return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error("No frame in the JPEG");
}

test("in the spec editor a refused drawing is answered under its input with the typed text kept, and a large photo is scaled down before it is sent", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const tag = uniqueTag();
  await signUp(page, { name: "Ines Quality", email: uniqueEmail("ines"), password: PASSWORD, orgName: `Uploads Importer ${tag}`, kind: "IMPORTER" });
  await createSpec(page, slugOf(page), { title: `Mug ${tag}`, productCode: `MUG-${tag}` });

  // Typed but not saved, then a file the portal refuses.
  // The draft's description (the defect example has a description field of its own).
  const description = page.getByRole("textbox", { name: "Description", exact: true }).first();
  const typed = "Stoneware mug, matte glaze; typed before the upload and never saved";
  await description.fill(typed);
  const drawings = page.getByRole("region", { name: "Drawings and documents" });
  await drawings.getByLabel("Add drawings or documents").setInputFiles(tempFile("drawing.pdf", Buffer.from("<!doctype html><title>not a drawing</title>")));
  await drawings.getByRole("button", { name: "Upload" }).click();
  await expect(drawings.getByRole("alert")).toHaveText('"drawing.pdf" is not an allowed file type. Upload PDF, PNG, JPEG, WebP, DXF or STEP.');
  await expect(drawings.getByLabel("Add drawings or documents")).toHaveAttribute("aria-invalid", "true");
  await expect(description).toHaveValue(typed);
  await drawings.screenshot({ path: "/tmp/uploads-refused-1280.png" });
  await page.setViewportSize({ width: 375, height: 800 });
  await drawings.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/uploads-refused-375.png" });
  await page.setViewportSize({ width: 1280, height: 900 });

  // A 4000×3000 photo, made in the browser as a phone would take it.
  const photo = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 4000;
    canvas.height = 3000;
    const context = canvas.getContext("2d")!;
    for (let x = 0; x < 4000; x += 4) {
      for (let y = 0; y < 3000; y += 4) {
        context.fillStyle = `rgb(${(x * 7 + y) % 256},${(x + y * 3) % 256},${Math.floor(Math.random() * 256)})`;
        context.fillRect(x, y, 4, 4);
      }
    }
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/jpeg", 0.95));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  const original = Buffer.from(photo, "base64");
  await drawings.getByLabel("Add drawings or documents").setInputFiles({ name: "sample.jpg", mimeType: "image/jpeg", buffer: original });
  await drawings.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Files added. Draft saved." })).toBeVisible();
  // The upload saved the typed text too (one form).
  await expect(description).toHaveValue(typed);

  const stored = drawings.getByRole("link", { name: /sample\.jpg/ });
  await expect(stored).toBeVisible();
  const href = await stored.getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  const body = await download.body();
  expect(body.length).toBeLessThan(original.length);
  const size = jpegSize(body);
  expect(size).toEqual({ width: 2560, height: 1920 });
  console.log(`photo: ${original.length} bytes as chosen, ${body.length} bytes stored, ${size.width}x${size.height}`);
});
