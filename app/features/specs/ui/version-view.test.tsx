import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { characteristic, visualCheck } from "~/features/specs/characteristic.fixtures.ts";
import type { VersionSnapshot } from "~/features/specs/snapshot.ts";
import type { Language } from "~/lib/i18n/languages.ts";
import { expectNoStrayText, InLanguage } from "../../../../tests/support/i18n.tsx";
import { SpecVersionView } from "./version-view.tsx";

const version: VersionSnapshot = {
  id: "v1",
  number: 1,
  status: "PUBLISHED",
  description: "Stoneware mug",
  notes: "Match the golden sample",
  packaging: "Tissue paper",
  characteristics: [
    characteristic({ key: "c-height", method: "Height gauge", class: "CRITICAL" }),
    characteristic({ key: "c-rim", number: "2", name: "Rim diameter", nominal: "82", lowerTol: "-0.2", upperTol: "0.3" }),
  ],
  materials: [{ key: "m-body", material: "Stoneware clay", grade: "STW-1200", source: "Jingdezhen Clay" }],
  defectExamples: [{ key: "d-crack", description: "Hairline crack", characteristicKey: "c-rim", acceptablePhoto: null, unacceptablePhoto: null }],
  attachments: [],
};

const show = (language: Language, shown: VersionSnapshot = version) =>
  render(
    <InLanguage language={language}>
      <SpecVersionView org={{ slug: "bright" }} version={shown} />
    </InLanguage>,
  );

/** Requirements that need words: a minimum only and a visual check. */
const worded: VersionSnapshot = {
  ...version,
  characteristics: [
    ...version.characteristics,
    characteristic({ key: "c-pull", number: "3", name: "Pull force", nominal: "50.0", lowerTol: "0", upperTol: null, unit: "N" }),
    visualCheck({ key: "c-glaze", number: "4", name: "Glaze" }),
  ],
};

describe("a specification version for reading", () => {
  it("reads in English as it always has", () => {
    show("en");
    expect(screen.getByRole("heading", { name: "Characteristics (2)" })).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "How to check" })).toBeTruthy();
    expect(screen.getByText("critical")).toBeTruthy();
    expect(screen.getByText("For 2 Rim diameter")).toBeTruthy();
    expect(screen.getAllByText("No photo")).toHaveLength(2);
  });

  it("speaks Chinese to a Chinese reader", () => {
    show("zh-CN");
    expect(screen.getByRole("heading", { name: "特性（2）" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "认可材料" })).toBeTruthy();
    expect(screen.getByText("关键")).toBeTruthy();
    expect(screen.getByText("✗ 不合格")).toBeTruthy();
  });

  it("writes each requirement in the reader's words and with their decimal sign", () => {
    show("vi", worded);
    expect(screen.getByTestId("characteristic-2").textContent).toContain("82 +0,3 / −0,2 mm");
    expect(screen.getByTestId("characteristic-3").textContent).toContain("tối thiểu 50,0 N");
    expect(screen.getByTestId("characteristic-4").textContent).toContain("Đạt / không đạt");
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", () => {
    const { container } = show("en-XA", worded);
    // What the importer typed and the units are data here.
    expectNoStrayText(container, [
      "Stoneware mug",
      "Match the golden sample",
      "Tissue paper",
      "Height",
      "Height gauge",
      "Rim diameter",
      "mm",
      "Stoneware clay",
      "STW",
      "Jingdezhen Clay",
      "Hairline crack",
      "Pull force",
      "Glaze",
    ]);
  });
});
