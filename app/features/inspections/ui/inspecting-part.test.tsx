import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it } from "vitest";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import { InLanguage } from "../../../../tests/support/i18n.tsx";
import { DEFAULT_SAMPLING, inspectionPlan } from "../plan.ts";
import { inspectionResult } from "../result.ts";
import { InspectingSections } from "./inspecting-part.tsx";
import { TallyCounter } from "./tally-counter.tsx";

function Counter() {
  const [value, setValue] = useState("0");
  return <TallyCounter id="count" name="d.x.count" value={value} label="Chipped rim" onChange={setValue} />;
}

const plan = inspectionPlan({ lotSize: 5000, choices: DEFAULT_SAMPLING, severity: "normal", severityReason: null });
const height: CharacteristicSnapshot = {
  key: "h",
  number: "1",
  name: "Height",
  kind: "VARIABLE",
  nominal: "95",
  lowerTol: "-0.5",
  upperTol: "0.5",
  unit: "mm",
  class: "MAJOR",
  method: "",
};

function renderSections(inspecting: object) {
  const page = { inspecting } as never;
  const router = createMemoryRouter([{ path: "/:org/inspections/:id", element: <InspectingSections page={page} orgSlug="acme" actionData={undefined} /> }], {
    initialEntries: ["/acme/inspections/i-1"],
  });
  render(
    <InLanguage>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </InLanguage>,
  );
}

const view = {
  shown: true,
  plan,
  editable: true,
  canSubmit: true,
  savePath: "/acme/inspections/i-1/save",
  characteristics: [height],
  readings: {},
  fields: {
    cartonsTotal: "",
    cartonsChecked: "",
    packedPercent: "",
    quantityNote: "",
    steadyProduction: "true",
    resultNote: "",
    pendingDecision: "false",
    "check.001.result": "",
    "check.001.note": "",
    "d.d1.class": "MAJOR",
    "d.d1.exampleKey": "",
    "d.d1.description": "Chipped rim",
    "d.d1.count": "3",
  },
  lines: [{ key: "001", label: "Carton marked with PO" }],
  library: [],
  defects: [{ id: "d1", class: "MAJOR", photos: [] }],
  outcome: null,
  submittedAt: null,
};

describe("the tally counter", () => {
  it("counts up and down with 44 px buttons and never below zero", async () => {
    const user = userEvent.setup();
    render(
      <InLanguage>
        <Counter />
      </InLanguage>,
    );
    const less = screen.getByRole("button", { name: "One less: Chipped rim" });
    const more = screen.getByRole("button", { name: "One more: Chipped rim" });
    expect(more.className).toContain("min-h-11");
    expect(more.className).toContain("min-w-11");
    expect((less as HTMLButtonElement).disabled).toBe(true);
    await user.click(more);
    await user.click(more);
    expect((screen.getByRole("textbox", { name: "How many: Chipped rim" }) as HTMLInputElement).value).toBe("2");
    await user.click(less);
    expect((screen.getByRole("textbox", { name: "How many: Chipped rim" }) as HTMLInputElement).value).toBe("1");
  });
});

describe("the inspecting sections", () => {
  it("show the plan with zero defects allowed labelled as no ISO AQL, and the defects found against the major Ac as counted", async () => {
    const user = userEvent.setup();
    renderSections(view);
    expect(screen.getByText("Zero defects allowed")).toBeTruthy();
    expect(screen.getByText("Common practice, not an ISO AQL")).toBeTruthy();
    expect(screen.getByText("Found 3 · accept ≤ 10 · reject ≥ 11")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "One more: Chipped rim" }));
    expect(screen.getByText("Found 4 · accept ≤ 10 · reject ≥ 11")).toBeTruthy();
    expect(screen.getByRole("radio", { name: "N/A" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save" })).toBeTruthy();
  });

  it("show a submitted result read-only, overall FAIL first", () => {
    const outcome = inspectionResult({ plan, defects: [{ class: "MAJOR", count: 11 }], measured: [], checks: [] });
    renderSections({ ...view, editable: false, canSubmit: false, outcome });
    expect(screen.getByTestId("overall-result").textContent).toContain("FAIL");
    expect(screen.getByText(/Major: found 11, accept ≤ 10, reject ≥ 11/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
  });
});
