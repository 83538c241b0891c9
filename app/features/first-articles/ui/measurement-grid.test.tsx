import type { ReactElement } from "react";
import { render as renderBare, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MeasurementGrid, type MeasurementGridProps } from "~/features/first-articles/ui/measurement-grid.tsx";
import { AUTOSAVE_DELAY_MS } from "~/features/first-articles/ui/use-grid-readings.ts";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import type { Language } from "~/lib/i18n/languages.ts";
import { message } from "~/lib/i18n/message.ts";
import { routerWrapper } from "../../../../tests/support/component-router.tsx";
import { textOutsideCatalogues } from "../../../../tests/support/i18n.tsx";

// The grid warns before leaving with unsaved readings, which needs the router.
const render = (ui: ReactElement) => renderBare(ui, { wrapper: routerWrapper() });

const diameter: CharacteristicSnapshot = {
  key: "rim-diameter",
  number: "1",
  name: "Rim diameter",
  kind: "VARIABLE",
  nominal: "90.00",
  lowerTol: "-0.50",
  upperTol: "0.50",
  unit: "mm",
  class: "MAJOR",
  method: "Caliper",
};
const glaze: CharacteristicSnapshot = {
  key: "glaze",
  number: "2",
  name: "Glaze free of pinholes",
  kind: "ATTRIBUTE",
  nominal: null,
  lowerTol: null,
  upperTol: null,
  unit: "",
  class: "CRITICAL",
  method: "Visual",
};

const props = (overrides: Partial<MeasurementGridProps> = {}): MeasurementGridProps => ({
  characteristics: [diameter, glaze],
  sampleCount: 3,
  readings: {},
  editable: true,
  ...overrides,
});

const reading = (name: string, sample: number) => screen.getByRole("textbox", { name: `${name}, sample ${sample}` });
const sampleButton = (sample: number) => screen.getByRole("button", { name: String(sample) });

describe("measurement grid", () => {
  it("judges a reading as it is typed: inside the limits passes, outside them fails", async () => {
    const user = userEvent.setup();
    render(<MeasurementGrid {...props()} />);
    const cell = reading("1 Rim diameter", 1);
    expect(cell.getAttribute("aria-describedby")).toBeNull();

    await user.type(cell, "90.40");
    expect(screen.getByRole("textbox", { name: "1 Rim diameter, sample 1", description: /^Pass/ })).toBe(cell);

    await user.clear(cell);
    await user.type(cell, "90.60");
    expect(screen.getByRole("textbox", { name: "1 Rim diameter, sample 1", description: /^Fail/ })).toBe(cell);
    expect(cell.getAttribute("aria-invalid")).toBeNull();
  });

  it("accepts a reading exactly on a limit", async () => {
    const user = userEvent.setup();
    render(<MeasurementGrid {...props()} />);
    await user.type(reading("1 Rim diameter", 2), "89.50");
    expect(screen.getByRole("textbox", { name: "1 Rim diameter, sample 2", description: /^Pass/ })).toBeTruthy();
  });

  it("marks a reading it cannot read as invalid rather than judging it", async () => {
    const user = userEvent.setup();
    render(<MeasurementGrid {...props()} />);
    const cell = reading("1 Rim diameter", 1);
    await user.type(cell, "ninety");
    expect(cell.getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByRole("textbox", { name: "1 Rim diameter, sample 1", description: /^(Pass|Fail)/ })).toBeNull();
  });

  it("judges a pass/fail characteristic by the choice made", async () => {
    const user = userEvent.setup();
    render(<MeasurementGrid {...props()} />);
    await user.selectOptions(screen.getByRole("combobox", { name: "2 Glaze free of pinholes, sample 1" }), "Fail");
    expect(screen.getByRole("combobox", { name: "2 Glaze free of pinholes, sample 1", description: /^Fail/ })).toBeTruthy();
  });

  it("switches the sample shown, and Enter moves from the last characteristic to the next sample", async () => {
    const user = userEvent.setup();
    render(<MeasurementGrid {...props({ characteristics: [glaze, diameter] })} />);
    expect(screen.getByRole("group", { name: "Sample shown" })).toBeTruthy();
    expect(sampleButton(1).getAttribute("aria-pressed")).toBe("true");

    await user.click(sampleButton(3));
    expect(sampleButton(3).getAttribute("aria-pressed")).toBe("true");
    expect(sampleButton(1).getAttribute("aria-pressed")).toBe("false");

    await user.click(sampleButton(1));
    await user.type(reading("1 Rim diameter", 1), "90.00{Enter}");
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "2 Glaze free of pinholes, sample 2" }));
    expect(sampleButton(2).getAttribute("aria-pressed")).toBe("true");
  });

  it("shows a failing sample on its switch button", async () => {
    const user = userEvent.setup();
    render(<MeasurementGrid {...props()} />);
    await user.type(reading("1 Rim diameter", 2), "95");
    expect(sampleButton(2).textContent).toContain("✗");
    expect(sampleButton(1).textContent).not.toContain("✗");
  });

  it("keeps typing in progress when the same readings come back, and starts over when the characteristics change", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<MeasurementGrid {...props()} />);
    await user.type(reading("1 Rim diameter", 1), "90.10");

    // A revalidation: equal data, new objects.
    rerender(<MeasurementGrid {...props({ characteristics: [{ ...diameter }, { ...glaze }], readings: {} })} />);
    expect((reading("1 Rim diameter", 1) as HTMLInputElement).value).toBe("90.10");

    // Another characteristic to measure: the grid shows the stored readings again.
    const height: CharacteristicSnapshot = { ...diameter, key: "height", number: "3", name: "Height" };
    rerender(<MeasurementGrid {...props({ characteristics: [diameter, glaze, height], readings: {} })} />);
    expect((reading("1 Rim diameter", 1) as HTMLInputElement).value).toBe("");
    expect((reading("3 Height", 1) as HTMLInputElement).value).toBe("");
  });

  it("starts over when the number of samples changes", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<MeasurementGrid {...props()} />);
    await user.type(reading("1 Rim diameter", 1), "90.10");
    rerender(<MeasurementGrid {...props({ sampleCount: 5 })} />);
    expect((reading("1 Rim diameter", 1) as HTMLInputElement).value).toBe("");
    expect(sampleButton(5)).toBeTruthy();
  });

  it("shows new readings from the server in place of what was typed", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<MeasurementGrid {...props()} />);
    await user.type(reading("1 Rim diameter", 1), "90.10");
    rerender(<MeasurementGrid {...props({ readings: { "rim-diameter": ["89.90", "", ""] } })} />);
    expect((reading("1 Rim diameter", 1) as HTMLInputElement).value).toBe("89.90");
  });

  it("shows readings without fields when it is not editable", () => {
    render(<MeasurementGrid {...props({ editable: false, readings: { "rim-diameter": ["90.20", "", ""] } })} />);
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.getAllByText("90.20").length).toBeGreaterThan(0);
  });
});

describe("measurement grid autosave", () => {
  afterEach(() => vi.unstubAllGlobals());
  /** The grid posting to a readings route that records each form and answers as `answer` says. */
  function renderAutosaving(answer: (form: Record<string, string>) => object = () => ({})) {
    const posted: Record<string, string>[] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      expect(url).toBe("/acme/first-articles/fa-1/readings");
      const form = Object.fromEntries(new URLSearchParams(init.body as URLSearchParams)) as Record<string, string>;
      posted.push(form);
      return Response.json({
        intent: "save-readings",
        result: { status: "success" },
        saved: [],
        conflicts: [],
        savedAt: "2025-03-04T12:03:00.000Z",
        ...answer(form),
      });
    });
    render(<MeasurementGrid {...props({ autosaveTo: "/acme/first-articles/fa-1/readings" })} />);
    return { posted, user: userEvent.setup() };
  }
  const status = () => screen.getByTestId("autosave-status");

  it("sends nothing while typing and only the changed cell once typing pauses, then says when it was saved", async () => {
    const { posted, user } = renderAutosaving((form) => ({ saved: [{ key: "rim-diameter", sample: 1, raw: form["m.rim-diameter.1"] }] }));
    await user.type(reading("1 Rim diameter", 1), "90.1");
    expect(posted).toEqual([]);
    await waitFor(() => expect(posted).toHaveLength(1), { timeout: AUTOSAVE_DELAY_MS + 1000 });
    expect(posted[0]).toEqual({ intent: "save-readings", "m.rim-diameter.1": "90.1", "was.rim-diameter.1": "" });
    await waitFor(() => expect(status().textContent).toBe("Saved 12:03 UTC"));
    // Nothing changed since: no second save.
    await new Promise((resolve) => setTimeout(resolve, AUTOSAVE_DELAY_MS + 200));
    expect(posted).toHaveLength(1);
  });

  it("no longer says Saved once something new is typed, until that is saved too", async () => {
    const { posted, user } = renderAutosaving((form) => ({
      saved: Object.entries(form)
        .filter(([k]) => k.startsWith("m."))
        .map(([k, raw]) => ({ key: "rim-diameter", sample: Number(k.split(".").at(-1)), raw })),
    }));
    await user.type(reading("1 Rim diameter", 1), "90.1");
    await user.tab();
    await waitFor(() => expect(status().textContent).toBe("Saved 12:03 UTC"));
    await user.type(reading("1 Rim diameter", 2), "9");
    expect(status().textContent).not.toContain("Saved");
    await user.tab();
    await waitFor(() => expect(posted).toHaveLength(2));
    await waitFor(() => expect(status().textContent).toBe("Saved 12:03 UTC"));
  });

  it("saves at once when the cell is left", async () => {
    const { posted, user } = renderAutosaving();
    await user.type(reading("1 Rim diameter", 2), "89.9");
    await user.tab();
    await waitFor(() => expect(posted).toHaveLength(1), { timeout: AUTOSAVE_DELAY_MS / 2 });
    expect(posted[0]).toMatchObject({ "m.rim-diameter.2": "89.9" });
  });

  it("keeps what was typed when someone else saved the cell, and sends it against their value once the typist keeps it", async () => {
    const { posted, user } = renderAutosaving((form) =>
      "was.rim-diameter.1" in form && form["was.rim-diameter.1"] === "" ? { conflicts: [{ key: "rim-diameter", sample: 1, theirs: "90.2" }] } : {},
    );
    const cell = reading("1 Rim diameter", 1) as HTMLInputElement;
    await user.type(cell, "90.1");
    await user.tab();
    await waitFor(() => expect(screen.getByText("Someone else saved “90.2” here.")).toBeTruthy());
    expect(cell.value).toBe("90.1");
    expect(status().textContent).toContain("changed by someone else");
    await user.click(screen.getByRole("button", { name: "Keep my reading for 1 Rim diameter, sample 1" }));
    await waitFor(() => expect(posted).toHaveLength(2), { timeout: AUTOSAVE_DELAY_MS + 1000 });
    expect(posted[1]).toMatchObject({ "m.rim-diameter.1": "90.1", "was.rim-diameter.1": "90.2" });
  });

  it("says why the server refused a save, and that an ended session needs a new sign-in, keeping the reading", async () => {
    const { user } = renderAutosaving();
    // The route sends its refusal as a catalogue key (message()); the line writes it in the reader's language.
    vi.stubGlobal("fetch", async () => Response.json(message("firstArticles", "errors.roleCannotRecord"), { status: 403 }));
    await user.type(reading("1 Rim diameter", 1), "90.1");
    await user.tab();
    await waitFor(() => expect(status().textContent).toBe("Not saved: Your role cannot record readings."));
    vi.stubGlobal("fetch", async () => new Response(null, { status: 302, headers: { Location: "/login" } }));
    await user.type(reading("1 Rim diameter", 2), "90.2");
    await user.tab();
    await waitFor(() => expect(status().textContent).toContain("You were signed out."));
    expect((reading("1 Rim diameter", 1) as HTMLInputElement).value).toBe("90.1");
    expect((reading("1 Rim diameter", 2) as HTMLInputElement).value).toBe("90.2");
  });

  it("says a save that got no answer is not saved and keeps the reading", async () => {
    const { user } = renderAutosaving();
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    await user.type(reading("1 Rim diameter", 1), "90.1");
    await user.tab();
    await waitFor(() => expect(status().textContent).toBe("Not saved — retrying"));
    expect((reading("1 Rim diameter", 1) as HTMLInputElement).value).toBe("90.1");
  });
});

describe("measurement grid in the reader's language", () => {
  /** A grid with a passing and a failing reading, a pass/fail choice (`glaze`) and the autosave line. */
  const renderIn = (language: Language, glaze: string[]) =>
    renderBare(
      <MeasurementGrid
        {...props({
          readings: { "rim-diameter": ["90.10", "91.00", ""], glaze },
          autosaveTo: "/acme/first-articles/fa-1/readings",
          rowNotes: { glaze: "Changed in v2 — measure again" },
        })}
      />,
      { wrapper: routerWrapper(undefined, language) },
    );

  it("reads in Chinese for a Chinese reader", () => {
    renderIn("zh-CN", ["PASS", "maybe", ""]);
    expect(screen.getByRole("columnheader", { name: "特性" })).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "样品 2" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "1 Rim diameter，样品 1", description: /^合格/ })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "1 Rim diameter，样品 2", description: /^不合格/ })).toBeTruthy();
    expect(screen.getByRole("group", { name: "显示的样品" })).toBeTruthy();
    expect(screen.getByTestId("autosave-status").textContent).toBe("读数在输入时自动保存。");
    expect(screen.getByText("“maybe”（请选择合格或不合格）")).toBeTruthy();
  });

  it("says why a reading fails or cannot be read, in Chinese", () => {
    renderBare(<MeasurementGrid {...props({ readings: { "rim-diameter": ["91.00", "abc", ""] } })} />, { wrapper: routerWrapper(undefined, "zh-CN") });
    expect(
      screen.getByRole("textbox", { name: "1 Rim diameter，样品 1", description: "不合格：91.00 高于上限 90.50 mm（允许范围 89.50 – 90.50 mm）" }),
    ).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "1 Rim diameter，样品 2", description: "“abc”不是数字" })).toBeTruthy();
  });

  it("writes the server's refusal of a save in the reader's language", async () => {
    const refusal = { intent: "save-readings", result: { status: "error", error: { "": [message("firstArticles", "errors.submittedReload")] } } };
    vi.stubGlobal("fetch", async () => Response.json(refusal, { status: 409 }));
    for (const [language, said] of [
      ["zh-CN", /^未保存：此首件检验已提交，不能再修改。请刷新页面查看。$/],
      ["en-XA", /^⟦.*⟦.*⟧⟧$/],
    ] as const) {
      const { unmount } = renderBare(<MeasurementGrid {...props({ autosaveTo: "/acme/first-articles/fa-1/readings" })} />, {
        wrapper: routerWrapper(undefined, language),
      });
      const user = userEvent.setup();
      await user.type(screen.getAllByRole("textbox")[0]!, "90.1");
      await user.tab();
      await waitFor(() => expect(screen.getByTestId("autosave-status").textContent).toMatch(said));
      unmount();
    }
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", () => {
    const { container } = renderIn("en-XA", ["PASS", "FAIL", "maybe"]);
    // The characteristics' names and units, and the note the page passes in, are data here.
    const data = new Set(["Rim diameter", "Glaze free of pinholes", "mm", "Changed in v measure again"]);
    expect(textOutsideCatalogues(container, (text) => data.has(text))).toEqual([]);
  });
});
