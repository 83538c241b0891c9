import { describe, expect, it } from "vitest";
import { translatorFor } from "~/lib/i18n/translate.server.ts";
import { inspectionCsv, inspectionCsvFileName } from "./csv.ts";
import { DEFAULT_SAMPLING, inspectionPlan } from "./plan.ts";
import type { InspectionReport } from "./report.server.ts";
import { classesOf, computedResult } from "./report-result.ts";

// 5,000 units at level II: code letter L, 200 units; critical zero defects (Ac 0 / Re 1), major 2.5 (10 / 11), minor 4.0 (14 / 15).
const plan = inspectionPlan({ lotSize: 5000, choices: DEFAULT_SAMPLING, severity: "normal", severityReason: null });

describe("classesOf", () => {
  it("accepts a class up to its Ac and refuses it from its Re", () => {
    const at = (major: number) => classesOf(plan, [{ class: "MAJOR", count: major }]).find((c) => c.class === "MAJOR")!;
    expect(at(10)).toMatchObject({ accept: 10, reject: 11, found: 10, verdict: "accept" });
    expect(at(11)).toMatchObject({ found: 11, verdict: "reject" });
  });

  it("adds up the tallies of a class and refuses any critical defect under zero defects allowed", () => {
    const classes = classesOf(plan, [
      { class: "MINOR", count: 9 },
      { class: "MINOR", count: 5 },
      { class: "CRITICAL", count: 1 },
    ]);
    expect(classes.map((c) => [c.class, c.aql, c.found, c.verdict])).toEqual([
      ["CRITICAL", null, 1, "reject"],
      ["MAJOR", "2.5", 0, "accept"],
      ["MINOR", "4.0", 14, "accept"],
    ]);
  });
});

describe("computedResult", () => {
  const passing = classesOf(plan, []);
  it("passes when every class is accepted and no measured row fails", () => {
    expect(computedResult(true, passing, [{ verdict: "pass" }, { verdict: "incomplete" }])).toBe("PASS");
  });
  it("fails on a class not accepted, or on one measured row out of tolerance", () => {
    expect(computedResult(true, classesOf(plan, [{ class: "MAJOR", count: 11 }]), [])).toBe("FAIL");
    expect(computedResult(true, passing, [{ verdict: "fail" }])).toBe("FAIL");
  });
  it("gives nothing before the result is submitted", () => {
    expect(computedResult(false, passing, [])).toBeNull();
  });
});

describe("inspectionCsv", () => {
  const report: InspectionReport = {
    id: "i1",
    header: {
      specId: "s1",
      title: "=cmd|' /C calc'!A0",
      productCode: "MUG-350",
      versionNumber: 2,
      importer: "Harbor",
      factory: "+Lotus",
      type: "PRE_SHIPMENT",
      status: "RELEASED",
      poNumber: "@PO 7",
      orderQuantity: 5000,
      lotSize: 5000,
      proposedDate: "2026-12-10",
      expectedShipDate: null,
      inspectedBy: "FACTORY",
      reinspectionOfId: null,
    },
    plan: { ...plan, classes: classesOf(plan, [{ class: "MINOR", count: 2 }]) },
    quantity: { cartonsTotal: 10, cartonsChecked: 3, packedPercent: 100, note: "-1 carton short", steadyProduction: true },
    measurements: [],
    defects: [{ id: "d1", class: "MINOR", description: "＝SUM(A1)", exampleKey: null, exampleDescription: null, count: 2, photos: [] }],
    photos: [],
    checks: [],
    result: { computed: "PASS", stored: "PASS", note: "", pendingDecision: false, submittedAt: null, submittedBy: null },
    decision: { status: "RELEASED", decidedAt: null, decidedBy: null, note: null },
    abort: null,
  };

  it("keeps every cell a spreadsheet would run as text, numbers as numbers", () => {
    const lines = inspectionCsv(report, translatorFor("en", "inspectionReports"))
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toBe("Inspection,'=cmd|' /C calc'!A0");
    expect(lines).toContain("Factory,'+Lotus");
    expect(lines).toContain("PO,'@PO 7");
    expect(lines).toContain("Note,'-1 carton short");
    expect(lines).toContain("Minor,'＝SUM(A1),,2,0");
    expect(lines).toContain("Minor,4.0,L,200,14,15,2,Accepted");
  });

  it("names the file in plain ASCII", () => {
    expect(inspectionCsvFileName({ ...report, header: { ...report.header, poNumber: "订单/7; x=1" } })).toMatch(
      /^INSP-MUG-350-PO[A-Za-z0-9._-]+-2026-12-10\.csv$/,
    );
  });
});
