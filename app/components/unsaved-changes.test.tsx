import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { createMemoryRouter, Form, Link, RouterProvider } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { UnsavedChangesPrompt } from "~/components/unsaved-changes.tsx";
import { InLanguage } from "../../tests/support/i18n.tsx";

function Editor() {
  const [text, setText] = useState("");
  return (
    <>
      <UnsavedChangesPrompt when={text !== ""} />
      <Form method="post">
        <label>
          Notes
          <input name="notes" value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <button type="submit">Save</button>
      </Form>
      <Link to="/elsewhere">Elsewhere</Link>
    </>
  );
}

function renderEditor() {
  const posted: string[] = [];
  const router = createMemoryRouter(
    [
      {
        path: "/",
        element: <Editor />,
        action: async ({ request }) => {
          posted.push(String((await request.formData()).get("notes")));
          return null;
        },
      },
      { path: "/elsewhere", element: <h1>Elsewhere</h1> },
    ],
    { initialEntries: ["/"] },
  );
  render(<RouterProvider router={router} future={{ v7_startTransition: true }} />, { wrapper: InLanguage });
  return { router, posted, user: userEvent.setup() };
}

describe("unsaved changes", () => {
  it("lets a link leave a page with nothing unsaved", async () => {
    const { router, user } = renderEditor();
    await user.click(screen.getByRole("link", { name: "Elsewhere" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/elsewhere"));
  });

  it("asks before a link leaves unsaved changes: staying keeps them, leaving goes on", async () => {
    const { router, user } = renderEditor();
    await user.type(screen.getByLabelText("Notes"), "Half a sentence");
    await user.click(screen.getByRole("link", { name: "Elsewhere" }));
    await waitFor(() => expect(router.state.blockers.size).toBe(1));
    expect(screen.getByText("Leave without saving?")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Stay on this page" }));
    expect(router.state.location.pathname).toBe("/");
    expect((screen.getByLabelText("Notes") as HTMLInputElement).value).toBe("Half a sentence");

    await user.click(screen.getByRole("link", { name: "Elsewhere" }));
    await user.click(await screen.findByRole("button", { name: "Leave without saving" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/elsewhere"));
  });

  it("never holds back submitting the page's form, which is how the changes are saved", async () => {
    const { router, posted, user } = renderEditor();
    await user.type(screen.getByLabelText("Notes"), "Finished");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(posted).toEqual(["Finished"]));
    expect(screen.queryByText("Leave without saving?")?.closest("dialog")?.open ?? false).toBe(false);
    expect([...router.state.blockers.values()].every((b) => b.state !== "blocked")).toBe(true);
  });
});
