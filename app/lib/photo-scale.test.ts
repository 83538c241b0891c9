import { describe, expect, it } from "vitest";
import { scaledSize, scalePhoto, SMALL_PHOTO_BYTES } from "./photo-scale.ts";

describe("the size a photo is scaled to before it is sent", () => {
  it("a 12-megapixel landscape photo gets 2,560 px on its long side with its proportions kept", () => {
    expect(scaledSize(4000, 3000)).toEqual({ width: 2560, height: 1920 });
  });

  it("a portrait photo is limited by its height", () => {
    expect(scaledSize(3024, 4032)).toEqual({ width: 1920, height: 2560 });
  });

  it("a very long, thin picture keeps at least one pixel across", () => {
    expect(scaledSize(100_000, 10)).toEqual({ width: 2560, height: 1 });
  });

  it("a photo whose longest side is 2,560 px or less is left as it is", () => {
    expect(scaledSize(2560, 1440)).toBeNull();
    expect(scaledSize(800, 600)).toBeNull();
  });

  it("another limit can be asked for", () => {
    expect(scaledSize(1000, 500, 100)).toEqual({ width: 100, height: 50 });
  });

  it("a picture without a size is left alone", () => {
    expect(scaledSize(0, 0)).toBeNull();
    expect(scaledSize(Number.NaN, 10)).toBeNull();
  });
});

describe("which files are scaled", () => {
  it("a PDF, however large, is sent exactly as chosen", async () => {
    const pdf = new File([new Uint8Array(SMALL_PHOTO_BYTES * 2)], "drawing.pdf", { type: "application/pdf" });
    expect(await scalePhoto(pdf)).toBe(pdf);
  });

  it("a small photo is sent exactly as chosen", async () => {
    const small = new File([new Uint8Array(1024)], "ok.jpg", { type: "image/jpeg" });
    expect(await scalePhoto(small)).toBe(small);
  });
});
