import { describe, expect, it } from "vitest";
import { characteristic, visualCheck } from "./characteristic.fixtures.ts";
import { diffLines, diffVersions, lcsPairs } from "./diff.ts";
import type { CharacteristicSnapshot, FileSnapshot, VersionSnapshot } from "./snapshot.ts";

const file = (name: string, sha: string, contentType = "application/pdf"): FileSnapshot => ({
  id: `f-${name}-${sha}`,
  name,
  contentType,
  size: 120_000,
  sha256: sha.padEnd(64, "0"),
});

// Ceramic mug, version 2 as published to the factory.
function mugV2(): VersionSnapshot {
  return {
    id: "v2",
    number: 2,
    status: "PUBLISHED",
    description: "350 ml stoneware mug with C-shaped handle.\nReactive glaze, colour Ocean Blue (Pantone 7700 C).",
    notes: "Colour must match the approved golden sample.",
    packaging: "Each mug wrapped in tissue paper.\nInner box: white corrugated, 1 mug.\nMaster carton: 24 mugs, 5-ply.",
    characteristics: [
      characteristic({ key: "c-height", method: "Height gauge on surface plate" }),
      characteristic({
        key: "c-diameter",
        number: "2",
        name: "Rim outer diameter",
        nominal: "82",
        lowerTol: "-0.2",
        upperTol: "0.3",
        method: "Vernier caliper, two readings 90° apart",
      }),
      visualCheck({ key: "c-handle", number: "3", name: "Handle pull force", method: "Hang 5 kg from the handle for 10 s: no crack, no detachment" }),
    ],
    materials: [
      { key: "m-body", material: "Stoneware clay", grade: "STW-1200", source: "Jingdezhen Clay Co." },
      { key: "m-glaze", material: "Glaze", grade: "Lead-free, food safe", source: "Ferro" },
    ],
    defectExamples: [
      {
        key: "d-crack",
        description: "Hairline crack at handle joint",
        characteristicKey: "c-handle",
        acceptablePhoto: file("joint-ok.jpg", "a1", "image/jpeg"),
        unacceptablePhoto: file("joint-crack.jpg", "a2", "image/jpeg"),
      },
      { key: "d-pinhole", description: "Pinholes in glaze", characteristicKey: null, acceptablePhoto: null, unacceptablePhoto: null },
    ],
    attachments: [file("MUG-350-drawing.pdf", "d1"), file("glaze-colour-card.pdf", "d2")],
  };
}

function next(change: (v: VersionSnapshot) => void): VersionSnapshot {
  const v = structuredClone(mugV2());
  v.id = "v3";
  v.number = 3;
  v.status = "DRAFT";
  change(v);
  return v;
}

function char(v: VersionSnapshot, key: string): CharacteristicSnapshot {
  const found = v.characteristics.find((c) => c.key === key);
  if (!found) throw new Error(key);
  return found;
}

describe("line diff", () => {
  it("keeps common lines and reports the rest as removed then added", () => {
    expect(diffLines("a\nb\nc", "a\nx\nc\nd")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });
  it("treats an empty text as no lines and ignores CRLF and trailing whitespace", () => {
    expect(diffLines("", "one")).toEqual([{ kind: "added", text: "one" }]);
    expect(diffLines("one\r\ntwo\n", "one\ntwo")).toEqual([
      { kind: "same", text: "one" },
      { kind: "same", text: "two" },
    ]);
  });
  it("finds a longest common subsequence", () => {
    expect(lcsPairs(["a", "b", "c", "d"], ["b", "a", "c", "d"])).toHaveLength(3);
  });
});

describe("diffVersions", () => {
  it("reports nothing for identical versions", () => {
    const diff = diffVersions(
      mugV2(),
      next(() => {}),
    );
    expect(diff.summary.isEmpty).toBe(true);
    expect(diff.summary.total).toBe(0);
    expect(diff.characteristics).toEqual({ added: [], removed: [], changed: [], moved: [] });
    expect(diff.from.number).toBe(2);
    expect(diff.to.number).toBe(3);
  });

  it("treats null, empty and re-spelled decimals as no change", () => {
    const to = next((v) => {
      const handle = char(v, "c-handle");
      handle.nominal = "";
      handle.unit = null as unknown as string;
      char(v, "c-height").upperTol = "0.50";
      char(v, "c-height").name = "Height ";
      v.notes = "Colour must match the approved golden sample.\r\n";
      v.defectExamples[1]!.characteristicKey = "";
    });
    expect(diffVersions(mugV2(), to).summary.isEmpty).toBe(true);
  });

  it("reports only a tolerance change as exactly one tightened characteristic", () => {
    const to = next((v) => {
      char(v, "c-height").lowerTol = "-0.3";
      char(v, "c-height").upperTol = "0.3";
    });
    const diff = diffVersions(mugV2(), to);
    expect(diff.summary.total).toBe(1);
    expect(diff.characteristics.changed).toHaveLength(1);
    const [change] = diff.characteristics.changed;
    expect(change).toMatchObject({
      key: "c-height",
      toleranceChanged: true,
      classChange: null,
      move: null,
      tolerance: { direction: "tightened", from: { lower: "94.5", upper: "95.5" }, to: { lower: "94.7", upper: "95.3" }, unitChanged: false },
    });
    expect(change!.fields).toEqual([
      { field: "lowerTol", from: "-0.5", to: "-0.3" },
      { field: "upperTol", from: "0.5", to: "0.3" },
    ]);
    expect(diff.summary.characteristics.toleranceChanged).toBe(1);
  });

  it("classifies a wider tolerance as loosened", () => {
    const to = next((v) => {
      char(v, "c-diameter").upperTol = "0.4";
    });
    const [change] = diffVersions(mugV2(), to).characteristics.changed;
    expect(change!.tolerance).toMatchObject({ direction: "loosened", from: { lower: "81.8", upper: "82.3" }, to: { lower: "81.8", upper: "82.4" } });
  });

  it("classifies a moved window as shifted", () => {
    const to = next((v) => {
      char(v, "c-height").nominal = "96";
    });
    const [change] = diffVersions(mugV2(), to).characteristics.changed;
    expect(change!.tolerance?.direction).toBe("shifted");
    expect(change!.fields).toEqual([{ field: "nominal", from: "95", to: "96" }]);
  });

  it("treats removing one limit as loosening and adding one as tightening", () => {
    const open = next((v) => {
      char(v, "c-height").upperTol = null;
    });
    const loosened = diffVersions(mugV2(), open).characteristics.changed[0]!;
    expect(loosened.tolerance).toMatchObject({ direction: "loosened", to: { lower: "94.5", upper: null } });
    expect(diffVersions(open, mugV2()).characteristics.changed[0]!.tolerance?.direction).toBe("tightened");
  });

  it("compares limits exactly: 0.1 + 0.2 is the same limit as 0.3", () => {
    const from = next((v) => {
      Object.assign(char(v, "c-height"), { nominal: "0.3", lowerTol: "-0.1", upperTol: "0", unit: "mm" });
    });
    const to = next((v) => {
      Object.assign(char(v, "c-height"), { nominal: "0.1", lowerTol: "0.1", upperTol: "0.2", unit: "mm" });
    });
    const change = diffVersions(from, to).characteristics.changed[0]!;
    // Written differently, same acceptance window: not a loosening.
    expect(change.tolerance).toMatchObject({ direction: "changed", from: { lower: "0.2", upper: "0.3" }, to: { lower: "0.2", upper: "0.3" } });
  });

  it("reports limits with the precision they were typed with", () => {
    const to = next((v) => {
      Object.assign(char(v, "c-height"), { nominal: "95.0", lowerTol: "-0.25", upperTol: "0.50" });
    });
    expect(diffVersions(mugV2(), to).characteristics.changed[0]!.tolerance).toMatchObject({
      direction: "tightened",
      to: { lower: "94.75", upper: "95.50" },
    });
  });

  it("does not order limits when a side cannot be judged", () => {
    // A version published before the missing-nominal rule (docs/decisions/010).
    const to = next((v) => {
      char(v, "c-height").nominal = null;
    });
    expect(diffVersions(mugV2(), to).characteristics.changed[0]!.tolerance).toEqual({
      direction: "changed",
      from: { lower: "94.5", upper: "95.5" },
      to: null,
      unitChanged: false,
    });
  });

  it("tells a six-decimal tightening apart", () => {
    const to = next((v) => {
      char(v, "c-height").upperTol = "0.499999";
    });
    expect(diffVersions(mugV2(), to).characteristics.changed[0]!.tolerance?.direction).toBe("tightened");
  });

  it("does not order limits across a unit change", () => {
    const to = next((v) => {
      Object.assign(char(v, "c-height"), { nominal: "9.5", lowerTol: "-0.05", upperTol: "0.05", unit: "cm" });
    });
    expect(diffVersions(mugV2(), to).characteristics.changed[0]!.tolerance).toMatchObject({ direction: "changed", unitChanged: true });
  });

  it("flags a class change without calling it a tolerance change", () => {
    const to = next((v) => {
      char(v, "c-handle").class = "CRITICAL";
    });
    const diff = diffVersions(mugV2(), to);
    expect(diff.characteristics.changed).toHaveLength(1);
    expect(diff.characteristics.changed[0]).toMatchObject({
      toleranceChanged: false,
      tolerance: null,
      classChange: { from: "MAJOR", to: "CRITICAL", direction: "raised" },
      fields: [{ field: "class", from: "MAJOR", to: "CRITICAL" }],
    });
    expect(diff.summary.characteristics.classChanged).toBe(1);
  });

  it("reports added and removed characteristics", () => {
    const to = next((v) => {
      v.characteristics = v.characteristics.filter((c) => c.key !== "c-handle");
      v.characteristics.push(
        characteristic({
          key: "c-capacity",
          number: "3",
          name: "Capacity",
          nominal: "350",
          lowerTol: "-10",
          upperTol: "10",
          unit: "ml",
          class: "MINOR",
          method: "Fill to brim, weigh water",
        }),
      );
    });
    const diff = diffVersions(mugV2(), to);
    expect(diff.characteristics.added.map((c) => c.key)).toEqual(["c-capacity"]);
    expect(diff.characteristics.removed.map((c) => c.key)).toEqual(["c-handle"]);
    expect(diff.characteristics.changed).toEqual([]);
  });

  it("reports renumbering after an insertion as moved, not changed", () => {
    const to = next((v) => {
      v.characteristics.unshift(
        characteristic({
          key: "c-weight",
          number: "1",
          name: "Weight",
          nominal: "320",
          lowerTol: "-15",
          upperTol: "15",
          unit: "g",
          class: "MINOR",
          method: "Scale",
        }),
      );
      v.characteristics.forEach((c, i) => (c.number = String(i + 1)));
    });
    const diff = diffVersions(mugV2(), to);
    expect(diff.characteristics.added).toHaveLength(1);
    expect(diff.characteristics.changed).toEqual([]);
    expect(diff.characteristics.moved.map((m) => [m.key, m.fromNumber, m.toNumber, m.renumbered, m.reordered])).toEqual([
      ["c-height", "1", "2", true, false],
      ["c-diameter", "2", "3", true, false],
      ["c-handle", "3", "4", true, false],
    ]);
    expect(diff.summary.total).toBe(4);
  });

  it("reports reordering alone as a move of the row that moved", () => {
    const to = next((v) => {
      const [height, diameter, handle] = v.characteristics;
      v.characteristics = [height!, handle!, diameter!];
    });
    const diff = diffVersions(mugV2(), to);
    expect(diff.characteristics.changed).toEqual([]);
    expect(diff.characteristics.moved).toHaveLength(1);
    expect(diff.characteristics.moved[0]).toMatchObject({ reordered: true, renumbered: false });
  });

  it("keeps a renumbered row with a real change under changed, with its move", () => {
    const to = next((v) => {
      Object.assign(char(v, "c-height"), { number: "1a", lowerTol: "-0.4" });
    });
    const diff = diffVersions(mugV2(), to);
    expect(diff.characteristics.moved).toEqual([]);
    expect(diff.characteristics.changed[0]).toMatchObject({
      move: { fromNumber: "1", toNumber: "1a", renumbered: true },
      tolerance: { direction: "tightened" },
    });
  });

  it("diffs text fields line by line", () => {
    const to = next((v) => {
      v.packaging =
        "Each mug wrapped in tissue paper.\nInner box: white corrugated, 1 mug, with drop-test mark.\nMaster carton: 24 mugs, 5-ply.\nCarton label: PO, item, quantity.";
    });
    const diff = diffVersions(mugV2(), to);
    expect(diff.text.description.changed).toBe(false);
    expect(diff.text.packaging).toMatchObject({ changed: true, linesAdded: 2, linesRemoved: 1 });
    expect(diff.text.packaging.lines.map((l) => l.kind)).toEqual(["same", "removed", "added", "same", "added"]);
    expect(diff.summary.textFields).toBe(1);
  });

  it("reports material changes by key", () => {
    const to = next((v) => {
      v.materials[1]!.grade = "Lead- and cadmium-free, food safe";
      v.materials = v.materials.filter((m) => m.key !== "m-body");
      v.materials.push({ key: "m-decal", material: "Decal", grade: "Ceramic decal", source: "Local printer" });
    });
    const diff = diffVersions(mugV2(), to);
    expect(diff.materials.added.map((m) => m.key)).toEqual(["m-decal"]);
    expect(diff.materials.removed.map((m) => m.key)).toEqual(["m-body"]);
    expect(diff.materials.changed).toEqual([
      expect.objectContaining({ key: "m-glaze", fields: [{ field: "grade", from: "Lead-free, food safe", to: "Lead- and cadmium-free, food safe" }] }),
    ]);
  });

  it("detects defect example changes, photos by content", () => {
    const to = next((v) => {
      const crack = v.defectExamples[0]!;
      crack.acceptablePhoto = file("renamed-but-same.jpg", "a1", "image/jpeg");
      crack.unacceptablePhoto = file("joint-crack.jpg", "a3", "image/jpeg");
      crack.characteristicKey = "c-height";
      const pinhole = v.defectExamples[1]!;
      pinhole.description = "More than 3 pinholes visible at 30 cm";
      pinhole.unacceptablePhoto = file("pinholes.jpg", "a4", "image/jpeg");
    });
    const diff = diffVersions(mugV2(), to);
    expect(diff.defectExamples.changed).toHaveLength(2);
    const [crack, pinhole] = diff.defectExamples.changed;
    expect(crack!.fields).toEqual([{ field: "characteristicKey", from: "c-handle", to: "c-height" }]);
    expect(crack!.photos.map((p) => [p.slot, p.change])).toEqual([["unacceptable", "replaced"]]);
    expect(pinhole!.fields).toEqual([{ field: "description", from: "Pinholes in glaze", to: "More than 3 pinholes visible at 30 cm" }]);
    expect(pinhole!.photos.map((p) => [p.slot, p.change])).toEqual([["unacceptable", "added"]]);
  });

  it("matches attachments by content, then by name", () => {
    const to = next((v) => {
      v.attachments = [file("glaze-colour-card-rev-B.pdf", "d2"), file("MUG-350-drawing.pdf", "d9"), file("carton-label.pdf", "d3")];
    });
    const diff = diffVersions(mugV2(), to);
    expect(diff.attachments.replaced.map((p) => [p.from.name, p.to.sha256.slice(0, 2)])).toEqual([["MUG-350-drawing.pdf", "d9"]]);
    expect(diff.attachments.renamed.map((p) => [p.from.name, p.to.name])).toEqual([["glaze-colour-card.pdf", "glaze-colour-card-rev-B.pdf"]]);
    expect(diff.attachments.added.map((f) => f.name)).toEqual(["carton-label.pdf"]);
    expect(diff.attachments.removed).toEqual([]);

    const removed = diffVersions(
      mugV2(),
      next((v) => void v.attachments.pop()),
    );
    expect(removed.attachments.removed.map((f) => f.name)).toEqual(["glaze-colour-card.pdf"]);
    expect(
      diffVersions(
        mugV2(),
        next((v) => v.attachments.reverse()),
      ).summary.isEmpty,
    ).toBe(true);
  });

  it("counts every change once in the summary", () => {
    const to = next((v) => {
      char(v, "c-height").upperTol = "0.3";
      char(v, "c-handle").class = "CRITICAL";
      v.notes = "";
      v.materials[0]!.source = "Dehua Clay Co.";
      v.defectExamples.pop();
      v.attachments[0] = file("MUG-350-drawing.pdf", "d9");
    });
    const { summary } = diffVersions(mugV2(), to);
    expect(summary).toMatchObject({
      textFields: 1,
      characteristics: { added: 0, removed: 0, changed: 2, moved: 0, toleranceChanged: 1, classChanged: 1 },
      materials: { changed: 1 },
      defectExamples: { removed: 1 },
      attachments: { replaced: 1 },
      total: 6,
      isEmpty: false,
    });
  });
});
