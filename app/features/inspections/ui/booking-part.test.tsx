import type { SubmissionResult } from "@conform-to/react";
import { useActionData } from "@remix-run/react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider, type ActionFunctionArgs } from "react-router-dom";
import { describe, expect, it } from "vitest";
import type { BookingView } from "~/features/inspections/booking-view.server.ts";
import { BookingPanel } from "~/features/inspections/ui/booking-part.tsx";
import type { Language } from "~/lib/i18n/languages.ts";
import { expectNoStrayText, InLanguage } from "../../../../tests/support/i18n.tsx";

const PAGE = "/acme/inspections/insp-1";

const booking: BookingView = {
  status: "BOOKED",
  type: "PRE_SHIPMENT",
  poNumber: "4500-881",
  orderQuantity: 6000,
  lotSize: 5000,
  proposedDate: "2026-12-10",
  expectedShipDate: "2026-12-14",
  confirmedAt: null,
  inspectedBy: "FACTORY",
  inspectingOrgName: "Bright Ceramics",
  proposerName: "Bright Ceramics",
  turn: "mine",
  abortReason: null,
  abortNote: null,
  reinspectionOfId: null,
  revision: 2,
  zone: "Asia/Shanghai",
  today: "2026-12-09",
  reasonRequired: true,
  abortReasons: ["GOODS_NOT_READY", "UNDER_80_PERCENT_PACKED", "NO_ACCESS", "EQUIPMENT_MISSING", "OTHER"],
  can: { confirm: true, reschedule: true, abort: true },
};

type Reply = { intent: string; result: SubmissionResult<string[]> };

function Page({ view }: { view: BookingView }) {
  const reply = useActionData() as Reply | undefined;
  return <BookingPanel page={{ booking: view, inspection: { id: "insp-1" } }} orgSlug="acme" actionData={reply} />;
}

function renderPage(view: BookingView, action: (args: ActionFunctionArgs) => Promise<Reply>, language: Language = "en") {
  const router = createMemoryRouter([{ path: "/:org/inspections/:inspectionId", element: <Page view={view} />, action }], { initialEntries: [PAGE] });
  const { container } = render(
    <InLanguage language={language}>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </InLanguage>,
  );
  return { user: userEvent.setup(), container };
}

const never = async (): Promise<Reply> => {
  throw new Error("not posted");
};

describe("the booking part of the inspection page", () => {
  it("says whose turn it is and offers to confirm the proposed day", () => {
    renderPage(booking, never);
    expect(screen.getByText("Bright Ceramics proposed this date: confirm it, or propose another.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Confirm 10 December 2026" })).toBeTruthy();
    expect(screen.getByText("The factory's own QC (Bright Ceramics)")).toBeTruthy();
    expect(screen.getByText("5,000")).toBeTruthy();
  });

  it("shows a refused change of date at the reason field, with the new day kept", async () => {
    const refuse = async ({ request }: ActionFunctionArgs): Promise<Reply> => {
      const form = await request.formData();
      return {
        intent: "reschedule",
        result: {
          status: "error",
          initialValue: { proposedDate: String(form.get("proposedDate")), reason: "" },
          error: { reason: ["From the day before the inspection (time zone Asia/Shanghai), a change of date needs a reason. Say why."] },
        },
      };
    };
    const { user } = renderPage(booking, refuse);
    await user.click(screen.getByText("Propose another date"));
    const day = screen.getByLabelText("New day") as HTMLInputElement;
    await user.clear(day);
    await user.type(day, "2026-12-12");
    await user.click(screen.getByRole("button", { name: "Propose this date" }));
    const message = await screen.findByText(/a change of date needs a reason/);
    const reason = screen.getByRole("textbox", { name: /^Reason \(required/ });
    await waitFor(() => expect(reason.getAttribute("aria-invalid")).toBe("true"));
    expect(message.closest("[id]")!.id).toBe(
      reason
        .getAttribute("aria-describedby")!
        .split(" ")
        .find((id) => id.endsWith("error")),
    );
    expect((screen.getByLabelText("New day") as HTMLInputElement).value).toBe("2026-12-12");
  });

  it("shows nothing to do to a reader who may do nothing, and the reason of an aborted inspection", () => {
    renderPage(
      {
        ...booking,
        status: "ABORTED",
        turn: null,
        abortReason: "GOODS_NOT_READY",
        abortNote: "Kiln broke down.",
        can: { confirm: false, reschedule: false, abort: false },
      },
      never,
    );
    expect(screen.getByText("Aborted: Goods not ready.")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByText("Propose another date")).toBeNull();
  });

  it("reads in Chinese for a Chinese reader", () => {
    renderPage(booking, never, "zh-CN");
    expect(screen.getByRole("heading", { name: "预约" })).toBeTruthy();
    expect(screen.getByText("Bright Ceramics 提出了这个日期：请确认，或提出另一个日期。")).toBeTruthy();
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", () => {
    const { container } = renderPage(booking, never, "en-XA");
    expectNoStrayText(container, ["Bright Ceramics", "4500-881", "Asia/Shanghai"]);
  });
});
