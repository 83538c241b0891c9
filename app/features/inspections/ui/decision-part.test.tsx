import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Language } from "~/lib/i18n/languages.ts";
import { routerWrapper } from "../../../../tests/support/component-router.tsx";
import { expectNoStrayText } from "../../../../tests/support/i18n.tsx";
import { LotDecisionPanel } from "./decision-part.tsx";

type Props = Parameters<typeof LotDecisionPanel>[0];

const classes = [
  { class: "CRITICAL" as const, found: 0, accept: 0, reject: 1, zeroAllowed: true },
  { class: "MAJOR" as const, found: 11, accept: 10, reject: 11, zeroAllowed: false },
  { class: "MINOR" as const, found: 3, accept: 14, reject: 15, zeroAllowed: false },
];
const waiting = { canDecide: true, waiting: true, result: "FAIL" as const, pendingDecision: true, classes, decision: null, afterRejection: null };
const rejected = {
  ...waiting,
  canDecide: false,
  waiting: false,
  decision: { status: "REJECTED" as const, note: "Eleven glaze cracks.", decidedAt: "2026-03-05T14:07:00.000Z", decidedBy: "Anna Berg" },
  afterRejection: {
    reinspection: null,
    bookPath: "/acme/inspections/new?reinspection-of=i-1",
    correctiveAction: null,
    openCorrectiveActionPath: "/acme/corrective-actions/new?inspection=i-1",
  },
};
const page = (decision: unknown) => ({ inspection: { revision: 4 }, decision }) as unknown as Props["page"];

const renderPanel = (decision: unknown, language: Language = "en") =>
  render(<LotDecisionPanel page={page(decision)} orgSlug="acme" actionData={undefined} />, { wrapper: routerWrapper(undefined, language) });

describe("the lot decision panel", () => {
  it("asks the importer's decider for release, reject or a deviation, with each class against its Ac/Re, and a second click to record it", async () => {
    renderPanel(waiting);
    expect(screen.getByRole("heading", { name: "Decide the lot" })).toBeTruthy();
    expect(screen.getByText("Major: 11 found (accept up to 10, reject at 11)")).toBeTruthy();
    expect(screen.getByText("Critical: 0 found (zero defects allowed)")).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("radio", { name: /Accept with a deviation/ }));
    expect(screen.getByRole("textbox", { name: "The deviation and its reason, or the waiver number (required)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Yes, record the decision" })).toBeTruthy();
    expect((screen.getByDisplayValue("4") as HTMLInputElement).name).toBe("revision");
  });

  it("shows the decision to either side afterwards, and after a rejection the way on", () => {
    renderPanel(rejected);
    expect(screen.getByRole("heading", { name: "Rejected: rework and re-inspect" })).toBeTruthy();
    expect(screen.getByText("Eleven glaze cracks.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Book the re-inspection" }).getAttribute("href")).toBe("/acme/inspections/new?reinspection-of=i-1");
    expect(screen.getByRole("link", { name: "Open a corrective action" }).getAttribute("href")).toBe("/acme/corrective-actions/new?inspection=i-1");
  });

  it("reads in Chinese for a Chinese reader", () => {
    renderPanel(rejected, "zh-CN");
    expect(screen.getByRole("heading", { name: "已拒收：返工并复检" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "预约复检" })).toBeTruthy();
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", () => {
    const { container } = render(
      <>
        <LotDecisionPanel page={page(waiting)} orgSlug="acme" actionData={undefined} />
        <LotDecisionPanel page={page(rejected)} orgSlug="acme" actionData={undefined} />
      </>,
      { wrapper: routerWrapper(undefined, "en-XA") },
    );
    expectNoStrayText(container, ["Anna Berg", "Eleven glaze cracks."]);
  });
});
