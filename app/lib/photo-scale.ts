// Photos are scaled down in the browser before they are sent: a 12-megapixel phone picture is
// 4-8 MB, which on a factory's slow connection costs a minute per photo, while 2,560 px on the
// longest side is still sharper than any screen it is inspected on.

export const MAX_PHOTO_SIDE = 2560;
/** Below this a file is sent as chosen: re-encoding would save little and could lose detail. */
export const SMALL_PHOTO_BYTES = 400 * 1024;
const JPEG_QUALITY = 0.85;
const SCALABLE_TYPES = ["image/jpeg", "image/png", "image/webp"];

/** The size a photo is drawn at: the longest side at most `maxSide`, the proportions kept; null when it is small enough already. */
export function scaledSize(width: number, height: number, maxSide = MAX_PHOTO_SIDE): { width: number; height: number } | null {
  const longest = Math.max(width, height);
  if (!(width > 0 && height > 0) || longest <= maxSide) return null;
  const ratio = maxSide / longest;
  return { width: Math.max(1, Math.round(width * ratio)), height: Math.max(1, Math.round(height * ratio)) };
}

/**
 * The file to send for `file`: a large photo re-encoded as a JPEG of at most 2,560 px on its
 * longest side; anything else (PDF, CAD, a small picture, a browser without the canvas API, a
 * result no smaller) exactly as chosen.
 */
export async function scalePhoto(file: File): Promise<File> {
  if (!SCALABLE_TYPES.includes(file.type) || file.size <= SMALL_PHOTO_BYTES || typeof createImageBitmap !== "function") return file;
  let bitmap: ImageBitmap | undefined;
  try {
    bitmap = await createImageBitmap(file);
    const size = scaledSize(bitmap.width, bitmap.height);
    if (!size) return file;
    const canvas = document.createElement("canvas");
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext("2d");
    if (!context) return file;
    // JPEG has no transparency: a transparent PNG would otherwise turn black.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", JPEG_QUALITY));
    if (!blob || blob.size >= file.size) return file;
    const name = file.name.replace(/\.(png|jpe?g|webp)$/i, "") + ".jpg";
    return new File([blob], name, { type: "image/jpeg", lastModified: file.lastModified });
  } catch {
    // A picture the browser cannot decode is still the user's to send; the server decides.
    return file;
  } finally {
    bitmap?.close();
  }
}

/** The form with every large photo in it scaled down (other fields and files untouched). */
export async function withScaledPhotos(form: FormData): Promise<FormData> {
  const scaled = new FormData();
  for (const [name, value] of form) scaled.append(name, typeof value === "string" ? value : await scalePhoto(value));
  return scaled;
}
