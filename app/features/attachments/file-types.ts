// Which files the portal accepts, decided by their bytes, never by the name or
// the type the browser claims. Isomorphic: the upload handler sniffs with it,
// the file input builds its `accept` list from it, previews read its table.

import { formatterFor } from "~/lib/format.ts";

export const FILE_KINDS = ["pdf", "png", "jpeg", "webp", "dxf", "step"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const IMAGE_KINDS: readonly FileKind[] = ["png", "jpeg", "webp"];

interface FileKindInfo {
  label: string;
  contentType: string;
  /** Shown in the browser (images, PDF) rather than only downloaded. */
  inline: boolean;
  extensions: readonly string[];
}

// CAD formats are text a browser could be talked into rendering; they are
// only ever served as downloads, under types no browser displays.
export const FILE_TYPES: Record<FileKind, FileKindInfo> = {
  pdf: { label: "PDF", contentType: "application/pdf", inline: true, extensions: [".pdf"] },
  png: { label: "PNG", contentType: "image/png", inline: true, extensions: [".png"] },
  jpeg: { label: "JPEG", contentType: "image/jpeg", inline: true, extensions: [".jpg", ".jpeg"] },
  webp: { label: "WebP", contentType: "image/webp", inline: true, extensions: [".webp"] },
  dxf: { label: "DXF", contentType: "application/dxf", inline: false, extensions: [".dxf"] },
  step: { label: "STEP", contentType: "model/step", inline: false, extensions: [".step", ".stp"] },
};

export interface SniffedType {
  kind: FileKind;
  contentType: string;
  inline: boolean;
}

/** How many leading bytes `sniffFileType` wants to see (fewer is fine for short files). */
export const SNIFF_BYTES = 512;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0) {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = ascii("IHDR");
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const VP8 = ascii("VP8");
const BINARY_DXF = ascii("AutoCAD Binary DXF\r\n\x1a\x00");

// Group code 0 then SECTION, optionally after 999 comment groups; the spacing
// varies between CAD programs ("  0\r\nSECTION").
const DXF_TEXT = /^\s*(?:999[ \t]*\r?\n[^\r\n]*\r?\n\s*)*0[ \t]*\r?\n[ \t]*SECTION[ \t]*(?:\r?\n|$)/;
const STEP_TEXT = /^\s*ISO-10303-21;/;

function hasExtension(name: string, kind: FileKind) {
  const lower = name.trim().toLowerCase();
  return FILE_TYPES[kind].extensions.some((ext) => lower.endsWith(ext));
}

function typeOf(kind: FileKind): SniffedType {
  return { kind, contentType: FILE_TYPES[kind].contentType, inline: FILE_TYPES[kind].inline };
}

/**
 * The file's real type from its first bytes, or null when it is not one the
 * portal accepts. Binary formats are recognised whatever they are called (a
 * PNG named .pdf is still a PNG); the text CAD formats carry no magic number,
 * so they need both the right extension and a header that looks right.
 */
export function sniffFileType(firstBytes: Uint8Array, declaredName: string): SniffedType | null {
  const b = firstBytes;
  if (startsWith(b, PDF)) return typeOf("pdf");
  if (startsWith(b, PNG) && startsWith(b, PNG_IHDR, 12)) return typeOf("png");
  if (startsWith(b, JPEG)) return typeOf("jpeg");
  if (startsWith(b, RIFF) && startsWith(b, WEBP, 8) && startsWith(b, VP8, 12)) return typeOf("webp");
  const isDxf = hasExtension(declaredName, "dxf");
  const isStep = hasExtension(declaredName, "step");
  if (!isDxf && !isStep) return null;
  if (isDxf && startsWith(b, BINARY_DXF)) return typeOf("dxf");
  // TextDecoder drops a UTF-8 byte-order mark; bad bytes become U+FFFD and fail the patterns.
  const head = new TextDecoder("utf-8").decode(b.subarray(0, SNIFF_BYTES));
  if (isDxf && DXF_TEXT.test(head)) return typeOf("dxf");
  if (isStep && STEP_TEXT.test(head)) return typeOf("step");
  return null;
}

/** The kind of a stored content type (null for anything the portal did not sniff itself). */
export function fileKindOf(contentType: string): FileKind | null {
  return FILE_KINDS.find((kind) => FILE_TYPES[kind].contentType === contentType) ?? null;
}

export function isImageType(contentType: string) {
  const kind = fileKindOf(contentType);
  return kind !== null && IMAGE_KINDS.includes(kind);
}

/** "PDF, PNG or JPEG" in the reader's language: "PDF、PNG或JPEG" in Chinese. */
export function describeKinds(kinds: readonly FileKind[], locale: string) {
  return formatterFor(locale).list(
    kinds.map((k) => FILE_TYPES[k].label),
    "disjunction",
  );
}

/** The `accept` attribute for a file input: extensions and types, so phones offer the camera for images. */
export function acceptAttribute(kinds: readonly FileKind[] = FILE_KINDS) {
  // CAD files have no type a browser knows; their extensions do the work.
  const types = kinds.filter((k) => FILE_TYPES[k].inline).map((k) => FILE_TYPES[k].contentType);
  return [...types, ...kinds.flatMap((k) => FILE_TYPES[k].extensions)].join(",");
}

/** 20 MB, 1.5 kB, 300 bytes, in the reader's language (English where a message carries it as a value). */
export function formatBytes(bytes: number, language = "en") {
  return formatterFor(language).bytes(bytes);
}

export const MAX_FILE_NAME_LENGTH = 150;

/**
 * A file name safe to store, show and send back in a header: the last path
 * segment only, without control or direction-override characters, quotes,
 * characters Windows refuses, `..` or leading dots; at most 150 characters
 * with the extension kept. Never empty.
 */
export function sanitizeFileName(name: string): string {
  let clean = (name.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    // Control characters and bidi overrides ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf").
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/["'`<>:|?*]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/\.{2,}/g, ".")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(clean)) clean = `_${clean}`;
  const chars = Array.from(clean);
  if (chars.length > MAX_FILE_NAME_LENGTH) {
    const dot = clean.lastIndexOf(".");
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
    const base = Array.from(ext ? clean.slice(0, dot) : clean);
    clean =
      base
        .slice(0, MAX_FILE_NAME_LENGTH - Array.from(ext).length)
        .join("")
        .trimEnd() + ext;
  }
  return clean && !clean.startsWith(".") ? clean : "file";
}
