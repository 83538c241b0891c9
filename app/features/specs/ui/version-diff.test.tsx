import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { characteristic } from "~/features/specs/characteristic.fixtures.ts";
import { diffVersions } from "~/features/specs/diff.ts";
import type { FileSnapshot, VersionSnapshot } from "~/features/specs/snapshot.ts";
import type { Language } from "~/lib/i18n/languages.ts";
import { InLanguage, textOutsideCatalogues } from "../../../../tests/support/i18n.tsx";
import { VersionDiffView } from "./version-diff.tsx";

const file = (name: string, sha: string): FileSnapshot => ({
  id: `f-${name}-${sha}`,
  name,
  contentType: "image/jpeg",
  size: 120_000,
  sha256: sha.padEnd(64, "0"),
});

function v1(): VersionSnapshot {
  return {
    id: "v1",
    number: 1,
    status: "PUBLISHED",
    description: "Stoneware mug",
    notes: "Match the golden sample",
    packaging: "Tissue paper",
    characteristics: [
      characteristic({ key: "c-height", method: "Height gauge" }),
      characteristic({ key: "c-rim", number: "2", name: "Rim diameter", nominal: "82", lowerTol: "-0.2", upperTol: "0.3" }),
      characteristic({ key: "c-weight", number: "3", name: "Weight", unit: "g", nominal: "380", lowerTol: "-10", upperTol: "10" }),
    ],
    materials: [{ key: "m-body", material: "Stoneware clay", grade: "STW-1200", source: "Jingdezhen Clay" }],
    defectExamples: [
      { key: "d-crack", description: "Hairline crack", characteristicKey: "c-height", acceptablePhoto: file("ok.jpg", "a1"), unacceptablePhoto: null },
    ],
    attachments: [file("drawing.pdf", "d1")],
  };
}

function v2(): VersionSnapshot {
  const v = structuredClone(v1());
  v.id = "v2";
  v.number = 2;
  v.description = "Stoneware mug, 350 ml";
  v.characteristics[0] = { ...v.characteristics[0]!, lowerTol: "-0.2", upperTol: "0.2", class: "CRITICAL" };
  v.characteristics.splice(2, 1);
  v.characteristics.push(characteristic({ key: "c-handle", number: "3", name: "Handle height", nominal: "60" }));
  v.materials[0] = { ...v.materials[0]!, grade: "STW-1300" };
  v.defectExamples[0] = { ...v.defectExamples[0]!, description: "Hairline crack at the joint", acceptablePhoto: file("ok-2.jpg", "a3") };
  v.attachments = [file("drawing-b.pdf", "d2")];
  return v;
}

const show = (language: Language) =>
  render(
    <InLanguage language={language}>
      <VersionDiffView diff={diffVersions(v1(), v2())} fromNumber={1} toNumber={2} summaryHeading />
    </InLanguage>,
  );

describe("the changes between two versions", () => {
  it("reads in English as it always has", () => {
    show("en");
    expect(screen.getByTestId("diff-summary").textContent).toMatch(/^\d+ changes since v1$/);
    expect(screen.getByText("Tolerance tightened")).toBeTruthy();
    expect(screen.getByText("Class raised")).toBeTruthy();
    expect(screen.getByRole("table", { name: "Changed characteristics" })).toBeTruthy();
    expect(screen.getByText(/^Characteristics: 1 new, 1 changed, 1 removed$/)).toBeTruthy();
    expect(screen.getByText("Description: changed")).toBeTruthy();
  });

  it("speaks Chinese to a Chinese reader", () => {
    show("zh-CN");
    expect(screen.getByText("公差收紧")).toBeTruthy();
    expect(screen.getByText("等级提高")).toBeTruthy();
    expect(screen.getByRole("table", { name: "已更改的特性" })).toBeTruthy();
    expect(screen.getByTestId("diff-summary").textContent).toMatch(/^自 v1 以来 \d+ 处变更$/);
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", () => {
    const { container } = show("en-XA");
    // What the importer typed (names, methods, materials, file names) and the units are data here.
    const data = new Set(["mm", "Height", "Height gauge", "Rim diameter", "Weight", "g", "Handle height", "Stoneware clay", "STW", "Jingdezhen Clay"]);
    const typed = ["Stoneware mug", "ml", "Match the golden sample", "Tissue paper", "Hairline crack", "ok jpg", "drawing pdf", "drawing b pdf", "KB"];
    expect(textOutsideCatalogues(container, (text) => data.has(text) || typed.some((t) => text.startsWith(t)))).toEqual([]);
  });
});
