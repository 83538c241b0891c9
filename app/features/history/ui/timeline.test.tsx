import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Timeline } from "./timeline.tsx";
import { InLanguage } from "../../../../tests/support/i18n.tsx";

describe("a record's timeline", () => {
  it("lists each step, oldest first, with who, for which org, when, and the note given", () => {
    render(
      <Timeline
        entries={[
          { id: "1", at: "2025-03-05T09:15:00.000Z", who: "Li Wei", org: "Ningbo Ceramics", did: "submitted it for review", note: null },
          {
            id: "2",
            at: "2025-03-06T14:07:00.000Z",
            who: "Anna Berg",
            org: "Nordic Home",
            did: "rejected it",
            note: { label: "Reason", text: "Burr on the rim" },
          },
        ]}
      />,
      { wrapper: InLanguage },
    );
    const history = screen.getByRole("region", { name: "History" });
    const [submitted, rejected] = within(history).getAllByRole("listitem");
    expect(submitted?.textContent).toContain("Li Wei (Ningbo Ceramics) submitted it for review");
    expect(rejected?.textContent).toContain("Anna Berg (Nordic Home) rejected it");
    expect(rejected?.textContent).toContain("Reason: Burr on the rim");
    expect(within(rejected!).getByText("6 Mar 2025, 14:07 UTC").getAttribute("datetime")).toBe("2025-03-06T14:07:00.000Z");
  });

  it("says so when nothing has happened yet", () => {
    render(<Timeline entries={[]} />, { wrapper: InLanguage });
    expect(screen.getByRole("region", { name: "History" }).textContent).toContain("Nothing has happened to it yet.");
    expect(screen.queryByRole("list")).toBeNull();
  });
});
