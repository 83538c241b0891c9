import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Timeline } from "./timeline.tsx";
import type { TimelineEntry } from "../history.server.ts";
import { InLanguage, textOutsideCatalogues } from "../../../../tests/support/i18n.tsx";
import type { Language } from "~/lib/i18n/languages.ts";

const entries: TimelineEntry[] = [
  {
    id: "1",
    at: "2025-03-05T09:15:00.000Z",
    who: "Li Wei",
    org: "Ningbo Ceramics",
    did: { key: "event.firstArticle.submit", values: {} },
    note: null,
  },
  {
    id: "2",
    at: "2025-03-06T14:07:00.000Z",
    who: "Anna Berg",
    org: "Nordic Home",
    did: { key: "event.firstArticle.rejected", values: { findings: 0 } },
    note: { label: "note.reason", text: "Burr on the rim" },
  },
  { id: "3", at: "2025-03-07T08:00:00.000Z", who: null, org: null, did: { key: "event.specVersion.acknowledge", values: {} }, note: null },
];

const timeline = (language: Language, shown: TimelineEntry[] = entries) =>
  render(<Timeline entries={shown} />, { wrapper: ({ children }) => <InLanguage language={language}>{children}</InLanguage> });

describe("a record's timeline", () => {
  it("lists each step, oldest first, with who, for which org, when, and the note given", () => {
    timeline("en");
    const history = screen.getByRole("region", { name: "History" });
    const [submitted, rejected, acknowledged] = within(history).getAllByRole("listitem");
    expect(submitted?.textContent).toContain("Li Wei (Ningbo Ceramics) submitted it for review");
    expect(rejected?.textContent).toContain("Anna Berg (Nordic Home) rejected it");
    expect(rejected?.textContent).toContain("Reason: Burr on the rim");
    expect(within(rejected!).getByText("6 Mar 2025, 14:07 UTC").getAttribute("datetime")).toBe("2025-03-06T14:07:00.000Z");
    // A person who is gone is "Someone"; an org that is not known is left out rather than shown empty.
    expect(acknowledged?.textContent).toContain("Someone acknowledged this version");
    expect(acknowledged?.textContent).not.toContain("(");
  });

  it("tells each step whole in the reader's language, the names as they were written", () => {
    timeline("zh-CN");
    const [submitted, rejected] = within(screen.getByRole("region", { name: "历史记录" })).getAllByRole("listitem");
    expect(submitted?.textContent).toContain("Li Wei（Ningbo Ceramics）提交了审核");
    expect(within(submitted!).getByText("Li Wei").className).toContain("font-medium");
    expect(rejected?.textContent).toContain("Anna Berg（Nordic Home）拒绝了");
    expect(rejected?.textContent).toContain("原因： Burr on the rim");
  });

  it("has no words of its own outside the catalogues (pseudo-locale)", () => {
    const { container } = timeline("en-XA");
    const data = new Set(["Li Wei", "Ningbo Ceramics", "Anna Berg", "Nordic Home", "Burr on the rim", "Mar", "UTC"]);
    expect(textOutsideCatalogues(container, (text) => text.split(" ").every((word) => [...data].some((d) => d.split(" ").includes(word))))).toEqual([]);
  });

  it("says so when nothing has happened yet", () => {
    timeline("en", []);
    expect(screen.getByRole("region", { name: "History" }).textContent).toContain("Nothing has happened to it yet.");
    expect(screen.queryByRole("list")).toBeNull();
  });
});
