import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useActionData } from "@remix-run/react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider, type ActionFunctionArgs } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FieldError, FormMessage, useFormRefusal } from "~/components/form-refusal.tsx";
import { InLanguage } from "../../tests/support/i18n.tsx";

const PAGE = "/acme/corrective-actions/ca-1";

const ReturnSchema = z.object({ note: z.string({ required_error: "Say what the factory should change" }) });

type Reply = { result: SubmissionResult<string[]> };

/** A page with a long block above a small form and a second form, the way the review sits below the plan. */
function Page() {
  const reply = useActionData() as Reply | undefined;
  const refusal = useFormRefusal("review", reply?.result);
  return (
    <>
      <div style={{ height: 2000 }}>The factory's plan</div>
      <Form method="post" {...refusal.form}>
        <h2>Review the plan</h2>
        <FormMessage refusal={refusal} />
        <label>
          Comments
          <textarea name="note" {...refusal.field("note")} />
        </label>
        <FieldError refusal={refusal} name="note" />
        <button type="submit">Send</button>
      </Form>
      <button type="button">Elsewhere</button>
    </>
  );
}

/** Renders `element` on a page whose action is `action`. */
function renderPage(element: React.ReactNode, action: (args: ActionFunctionArgs) => Promise<Reply>) {
  const router = createMemoryRouter([{ path: "/:org/corrective-actions/:caId", element, action }], { initialEntries: [PAGE] });
  render(<RouterProvider router={router} future={{ v7_startTransition: true }} />, { wrapper: InLanguage });
  return { router, user: userEvent.setup() };
}

const refuseField = async ({ request }: ActionFunctionArgs) => ({ result: parseWithZod(await request.formData(), { schema: ReturnSchema }).reply() });
const refuseForm = async ({ request }: ActionFunctionArgs) => ({
  result: parseWithZod(await request.formData(), { schema: z.object({ note: z.string().optional() }) }).reply({
    formErrors: ["Someone else reviewed this plan a moment ago."],
  }),
});

describe("a form's own refusal", () => {
  it("posts to the page with the form as the URL's fragment, so a refused page without JavaScript opens at the form", () => {
    renderPage(<Page />, refuseField);
    const form = screen.getByRole("button", { name: "Send" }).closest("form")!;
    expect(form.id).toBe("review");
    expect(form.getAttribute("action")).toBe(`${PAGE}#review`);
  });

  it("shows a field's message under that field, wires it to the field and moves focus to the field", async () => {
    const { user } = renderPage(<Page />, refuseField);
    const field = screen.getByRole("textbox", { name: "Comments" });
    expect(field.getAttribute("aria-invalid")).toBeNull();
    expect(field.getAttribute("aria-describedby")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Send" }));

    const message = await screen.findByText("Say what the factory should change");
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.getAttribute("aria-invalid")).toBe("true");
    const describedBy = field.getAttribute("aria-describedby")!;
    expect(document.getElementById(describedBy)?.textContent).toBe("Say what the factory should change");
    // Next to the control: the message is the field's next sibling block in the same form, not a banner elsewhere.
    expect(field.closest("form")!.contains(message)).toBe(true);
    expect(field.closest("label")!.nextElementSibling).toBe(document.getElementById(describedBy));
  });

  it("shows a message that no field is to blame for inside the form and moves focus to it", async () => {
    const { user } = renderPage(<Page />, refuseForm);
    await user.type(screen.getByRole("textbox", { name: "Comments" }), "Please add the mould check.");
    await user.click(screen.getByRole("button", { name: "Send" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Someone else reviewed this plan a moment ago.");
    const form = screen.getByRole("button", { name: "Send" }).closest("form")!;
    expect(form.contains(alert)).toBe(true);
    await waitFor(() => expect(form.contains(document.activeElement) && document.activeElement?.contains(alert)).toBe(true));
    expect(screen.getByRole("textbox", { name: "Comments" }).getAttribute("aria-invalid")).toBeNull();
    expect((screen.getByRole("textbox", { name: "Comments" }) as HTMLTextAreaElement).value).toBe("Please add the mould check.");
  });

  it("moves focus back to the field on every refusal, not only the first", async () => {
    const { user } = renderPage(<Page />, refuseField);
    const field = screen.getByRole("textbox", { name: "Comments" });
    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(document.activeElement).toBe(field));

    await user.click(screen.getByRole("button", { name: "Elsewhere" }));
    expect(document.activeElement).not.toBe(field);
    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(screen.getAllByText("Say what the factory should change")).toHaveLength(1);
  });
});
