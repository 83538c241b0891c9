import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useActionData } from "@remix-run/react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider, type ActionFunctionArgs } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { DecideSchema } from "~/features/first-articles/schemas.ts";
import { FaDecisionForm } from "~/features/first-articles/ui/decision-form.tsx";
import { InLanguage } from "../../../../tests/support/i18n.tsx";

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
