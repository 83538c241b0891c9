import { describe, expect, it } from "vitest";
import { acceptAttribute, describeKinds, FILE_KINDS, formatBytes, sanitizeFileName, sniffFileType } from "./file-types.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
// A 1×1 PNG, as a camera app or a screenshot tool would write it.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const WEBP = Uint8Array.from([...bytes("RIFF"), 0x24, 0, 0, 0, ...bytes("WEBPVP8 "), 0x18, 0, 0, 0]);
const PDF = bytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
const STEP = bytes("ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('bracket'),'2;1');\nENDSEC;\n");
const DXF = bytes("  0\r\nSECTION\r\n  2\r\nHEADER\r\n  9\r\n$ACADVER\r\n  1\r\nAC1015\r\n");

describe("sniffFileType", () => {
  it("recognises the binary formats by their bytes, whatever the name says", () => {
    expect(sniffFileType(PDF, "spec.pdf")).toEqual({ kind: "pdf", contentType: "application/pdf", inline: true });
    expect(sniffFileType(PNG, "photo.png")).toEqual({ kind: "png", contentType: "image/png", inline: true });
    expect(sniffFileType(JPEG, "IMG_0001.JPG")?.kind).toBe("jpeg");
    expect(sniffFileType(WEBP, "photo.webp")?.kind).toBe("webp");
    // A PNG called .pdf is a PNG: it is stored and served as one.
    expect(sniffFileType(PNG, "drawing.pdf")?.kind).toBe("png");
    expect(sniffFileType(PDF, "no-extension")?.kind).toBe("pdf");
  });

  it("accepts the CAD text formats only with their extension and a matching header, as downloads", () => {
    expect(sniffFileType(STEP, "bracket.step")).toEqual({ kind: "step", contentType: "model/step", inline: false });
    expect(sniffFileType(STEP, "BRACKET.STP")?.kind).toBe("step");
    expect(sniffFileType(DXF, "outline.dxf")).toEqual({ kind: "dxf", contentType: "application/dxf", inline: false });
    expect(sniffFileType(bytes("0\nSECTION\n2\nENTITIES\n"), "plain.dxf")?.kind).toBe("dxf");
    expect(sniffFileType(bytes("999\nmade by a CAD tool\n  0\nSECTION\n"), "commented.dxf")?.kind).toBe("dxf");
    expect(sniffFileType(bytes("\uFEFFISO-10303-21;\n"), "bom.step")?.kind).toBe("step");
    expect(sniffFileType(bytes("AutoCAD Binary DXF\r\n\x1a\x00"), "binary.dxf")?.kind).toBe("dxf");
    // Right bytes, wrong name; right name, wrong bytes.
    expect(sniffFileType(STEP, "bracket.txt")).toBeNull();
    expect(sniffFileType(DXF, "outline.step")).toBeNull();
    expect(sniffFileType(bytes("<html><script>alert(1)</script>"), "outline.dxf")).toBeNull();
  });

  it("rejects everything else, however it is named", () => {
    expect(sniffFileType(bytes("<!doctype html><script>alert(1)</script>"), "drawing.png")).toBeNull();
    expect(sniffFileType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "logo.svg")).toBeNull();
    expect(sniffFileType(bytes("GIF89a"), "anim.gif")).toBeNull();
    expect(sniffFileType(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), "drawing.pdf")).toBeNull();
    expect(sniffFileType(new Uint8Array(0), "empty.pdf")).toBeNull();
    // A truncated signature is not enough.
    expect(sniffFileType(PNG.subarray(0, 8), "photo.png")).toBeNull();
    expect(sniffFileType(bytes(" %PDF-1.4"), "late.pdf")).toBeNull();
  });
});

describe("sanitizeFileName", () => {
  it.each(["Drawing rev B.pdf", "图纸-外壳 v2.step", "_notes.pdf"])("keeps the ordinary name %j as it is, non-Latin ones too", (name) => {
    expect(sanitizeFileName(name)).toBe(name);
  });

  // Each row: the name a browser sent, the name stored, and the rule the row shows.
  it.each([
    ["../../etc/passwd<script>.pdf", "passwd_script_.pdf", "drops path components and traversal, replaces markup characters"],
    ["C:\\Users\\qc\\photo.jpg", "photo.jpg", "drops Windows path components"],
    ['say "hi".png', "say _hi_.png", "replaces quotes"],
    ["a..b...pdf", "a.b.pdf", "folds runs of dots"],
    [".htaccess", "htaccess", "drops a leading dot"],
    ["report.pdf.", "report.pdf", "drops a trailing dot"],
    ["inv\u0000oice\r\n.pdf", "invoice.pdf", "removes control characters"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe", "removes direction-override characters"],
    ["..", "file", "falls back to 'file' when nothing is left"],
    ["", "file", "falls back to 'file' when nothing is left"],
    ["///", "file", "falls back to 'file' when nothing is left"],
    ["\u0001\u0002", "file", "falls back to 'file' when nothing is left"],
    ["CON.pdf", "_CON.pdf", "keeps a Windows device name from naming the device"],
  ])("stores %j as %j: %s", (name, sanitized) => {
    expect(sanitizeFileName(name)).toBe(sanitized);
  });

  it("limits the length to 150 characters and keeps the extension", () => {
    const long = sanitizeFileName(`${"a".repeat(300)}.step`);
    expect(long).toHaveLength(150);
    expect(long.endsWith(".step")).toBe(true);
    expect(Array.from(sanitizeFileName(`${"检".repeat(200)}.pdf`))).toHaveLength(150);
  });
});

describe("helpers", () => {
  it("describes, accepts and sizes the allow list", () => {
    expect(describeKinds(FILE_KINDS, "en")).toBe("PDF, PNG, JPEG, WebP, DXF or STEP");
    expect(describeKinds(["png", "jpeg"], "en")).toBe("PNG or JPEG");
    expect(describeKinds(["pdf", "png", "jpeg"], "zh-CN")).toBe("PDF、PNG或JPEG");
    expect(acceptAttribute(["png", "step"])).toBe("image/png,.png,.step,.stp");
    expect(formatBytes(20 * 1024 * 1024)).toBe("20 MB");
    expect(formatBytes(1536)).toBe("1.5 kB");
    expect(formatBytes(300)).toBe("300 bytes");
    expect(formatBytes(1)).toBe("1 byte");
  });
  it("writes a size in the reader's language", () => {
    expect(formatBytes(79, "zh-CN")).toBe("79字节");
    expect(formatBytes(1536, "vi")).toBe("1,5 kB");
    expect(formatBytes(1536, "es")).toBe("1,5 kB");
  });
});
