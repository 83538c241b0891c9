import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { useActionData } from "@remix-run/react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider, type ActionFunctionArgs } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { AnswerSchema, planProblems } from "~/features/corrective-actions/schemas.ts";
import { CaAnswerForm } from "~/features/corrective-actions/ui/answer-form.tsx";
import { expectNoStrayText, InLanguage } from "../../../../tests/support/i18n.tsx";
import { routerWrapper } from "../../../../tests/support/component-router.tsx";
import type { Language } from "~/lib/i18n/languages.ts";

type Reply = { result: SubmissionResult<string[]> };

/** The page's form, answered as the page's action answers an incomplete "send the plan". */
function AnswerPage() {
  const reply = useActionData() as Reply | undefined;
  return <CaAnswerForm values={{ containment: "", rootCauseCategory: null, rootCause: "", preventive: "", items: [] }} lastResult={reply?.result} canSubmit />;
}

async function refuseIncomplete({ request }: ActionFunctionArgs): Promise<Reply> {
  const submission = parseWithZod(await request.formData(), { schema: AnswerSchema });
  if (submission.status !== "success") return { result: submission.reply() };
  const problems = planProblems(submission.value);
  const fieldErrors = Object.fromEntries(problems.map((p) => [p.path, [p.message]]));
  return { result: submission.reply({ formErrors: ["The plan is not complete yet. Your answer was not sent."], fieldErrors }) };
}

/** The answer form on a page whose action is `action`. */
function renderAnswerPage(action: (args: ActionFunctionArgs) => Promise<Reply>) {
  const router = createMemoryRouter([{ path: "/:org/corrective-actions/:caId", element: <AnswerPage />, action }], {
    initialEntries: ["/acme/corrective-actions/ca-1"],
  });
  render(
    <InLanguage>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </InLanguage>,
  );
  return userEvent.setup();
}

describe("the corrective-action answer form", () => {
  it("a refusal no field is to blame for (someone else moved it on) says so inside the form and takes the focus there", async () => {
    const user = renderAnswerPage(async ({ request }) => ({
      result: parseWithZod(await request.formData(), { schema: AnswerSchema }).reply({ formErrors: ["The importer has already reviewed this plan."] }),
    }));
    await user.type(screen.getByRole("textbox", { name: "Containment" }), "All mugs held.");
    await user.click(screen.getByRole("button", { name: "Save draft" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("The importer has already reviewed this plan.");
    const form = screen.getByRole("button", { name: "Save draft" }).closest("form")!;
    expect(form.contains(alert)).toBe(true);
    await waitFor(() => expect(document.activeElement?.contains(alert)).toBe(true));
    expect((screen.getByRole("textbox", { name: "Containment" }) as HTMLTextAreaElement).value).toBe("All mugs held.");
  });

  it("an incomplete plan says so inside the form, marks each missing field and focuses the first", async () => {
    const user = renderAnswerPage(refuseIncomplete);
    await user.type(screen.getByRole("textbox", { name: "Containment" }), "All mugs held.");
    await user.click(screen.getByRole("button", { name: "Send the plan to the importer" }));

    const form = screen.getByRole("button", { name: "Send the plan to the importer" }).closest("form")!;
    const message = await screen.findByText("The plan is not complete yet. Your answer was not sent.");
    expect(form.contains(message)).toBe(true);
    const category = screen.getByRole("combobox", { name: "Where did the problem come from?" });
    // The first field the plan lacks, in the order of the form (containment was given).
    await waitFor(() => expect(document.activeElement).toBe(category));
    await waitFor(() => expect(category.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(category.getAttribute("aria-describedby")!)?.textContent).toBe("Choose where the problem came from");
    expect(screen.getByRole("textbox", { name: "Containment" }).getAttribute("aria-invalid")).toBeNull();
  });

  it("speaks the reader's language: Chinese for a Chinese reader", () => {
    renderIn("zh-CN");
    expect(screen.getByRole("heading", { name: "您的回复" })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: "围堵措施" })).toBeTruthy();
    expect(screen.getByRole("option", { name: "工序步骤" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "删除措施 1" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "把计划发送给进口商" })).toBeTruthy();
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", () => {
    const { container } = renderIn("en-XA");
    // What the factory typed is data.
    expectNoStrayText(container, ["All mugs held", "Sort the stock", "Li Wei"]);
  });
});

/** The form with a draft answer (one action), in `language`. */
function renderIn(language: Language) {
  const values = {
    containment: "All mugs held.",
    rootCauseCategory: "PROCESS_STEP",
    rootCause: "",
    preventive: "",
    items: [{ action: "Sort the stock", owner: "Li Wei", dueAt: "2026-12-20" }],
  };
  return render(<CaAnswerForm values={values} canSubmit />, { wrapper: routerWrapper(undefined, language) });
}
