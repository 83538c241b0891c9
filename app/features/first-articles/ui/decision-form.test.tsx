import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useActionData } from "@remix-run/react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider, type ActionFunctionArgs } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { DecideSchema } from "~/features/first-articles/schemas.ts";
import { FaDecisionForm, FaDecisionSummary } from "~/features/first-articles/ui/decision-form.tsx";
import { NextRoundPanel } from "~/features/first-articles/ui/next-round.tsx";
import type { CharacteristicSnapshot } from "~/features/specs/snapshot.ts";
import type { Language } from "~/lib/i18n/languages.ts";
import { routerWrapper } from "../../../../tests/support/component-router.tsx";
import { expectNoStrayText, InLanguage } from "../../../../tests/support/i18n.tsx";

const PAGE = "/acme/first-articles/fa-1";

type Reply = { result: SubmissionResult<string[]> };

/** Renders `element` on a page whose action is `action`. */
function renderPage(element: React.ReactNode, action: (args: ActionFunctionArgs) => Promise<Reply>) {
  const router = createMemoryRouter([{ path: "/:org/first-articles/:faId", element, action }], { initialEntries: [PAGE] });
  render(
    <InLanguage>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </InLanguage>,
  );
  return { user: userEvent.setup() };
}

describe("the first-article decision form", () => {
  const fa = {
    status: "SUBMITTED" as const,
    revision: 3,
    submittedAt: "2025-03-04T09:30:00.000Z",
    submittedBy: "Li Wei",
    decidedAt: null,
    decidedBy: null,
    decisionNote: null,
    findings: {},
  };

  /** The FA page's decision form, answered as the page's action answers it (DecideSchema's reply). */
  function DecisionPage() {
    const reply = useActionData() as Reply | undefined;
    return <FaDecisionForm fa={fa} characteristics={[]} readings={{}} result={reply?.result} />;
  }
  const decide = async ({ request }: ActionFunctionArgs) => ({ result: parseWithZod(await request.formData(), { schema: DecideSchema }).reply() });

  it("a reject without a reason says so under the reason field and focuses it", async () => {
    const { user } = renderPage(<DecisionPage />, decide);
    await user.click(screen.getByRole("radio", { name: "Reject" }));
    await user.click(screen.getByRole("button", { name: "Record decision" }));

    const reason = screen.getByRole("textbox", { name: "Overall reason" });
    const message = await screen.findByText(/^Give a reason for rejecting/);
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(reason.getAttribute("aria-describedby")).toBe(message.closest("[id]")!.id);
    // Still "Reject": the choice made is kept.
    expect((screen.getByRole("radio", { name: "Reject" }) as HTMLInputElement).checked).toBe(true);
  });
});

describe("the decision and the next round in the reader's language", () => {
  const height: CharacteristicSnapshot = {
    key: "height",
    number: "3",
    name: "Height",
    kind: "VARIABLE",
    nominal: "95.0",
    lowerTol: "-0.5",
    upperTol: "0.5",
    unit: "mm",
    class: "MAJOR",
    method: "Caliper",
  };
  const rejected = {
    status: "REJECTED" as const,
    revision: 4,
    round: 1,
    submittedAt: "2025-03-04T09:30:00.000Z",
    submittedBy: "Li Wei",
    decidedAt: "2025-03-05T14:07:00.000Z",
    decidedBy: "Anna Berg",
    decisionNote: null,
    findings: {},
  };
  const submitted = { ...rejected, status: "SUBMITTED" as const, decidedAt: null, decidedBy: null };
  const next = { version: { number: 2 }, sameVersion: false, acknowledged: false, versionHref: "/bright/specs/s-1/v/2" };

  const renderIn = (language: Language) =>
    render(
      <>
        <FaDecisionSummary fa={rejected} characteristics={[height]} />
        <FaDecisionForm fa={submitted} characteristics={[height]} readings={{ height: ["96.0"] }} />
        <NextRoundPanel fa={rejected} next={next} canStart canWithdraw={false} />
      </>,
      { wrapper: routerWrapper(undefined, language) },
    );

  it("reads in Chinese for a Chinese reader", () => {
    renderIn("zh-CN");
    expect(screen.getByText("由 Li Wei 于 2025年3月4日 UTC 09:30 提交。")).toBeTruthy();
    expect(screen.getByText("由 Anna Berg 于 2025年3月5日 UTC 14:07 拒绝。")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "您的决定" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "有条件批准" })).toBeTruthy();
    expect(screen.getByText(/^1 个特性超出公差/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "记录决定" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "阅读并确认版本 2" })).toBeTruthy();
  });

  it("reads in English as before", () => {
    renderIn("en");
    expect(screen.getByText("Submitted by Li Wei on 4 Mar 2025, 09:30 UTC.")).toBeTruthy();
    expect(screen.getByText("Rejected by Anna Berg on 5 Mar 2025, 14:07 UTC.")).toBeTruthy();
    expect(screen.getByText(/^1 characteristic is out of tolerance \(marked in red above\)\. The decision is final for this round\.$/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Read and acknowledge version 2" })).toBeTruthy();
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", () => {
    const { container } = renderIn("en-XA");
    // The people, the characteristic and its number are data here.
    expectNoStrayText(container, ["Height", "Li Wei", "Anna Berg"]);
  });
});
