import { parseWithZod } from "@conform-to/zod";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider, type ActionFunctionArgs } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { CommentSchema, type ThreadComment } from "~/features/threads/thread.ts";
import { Thread, type ThreadProps } from "~/features/threads/ui/thread.tsx";
import type { Language } from "~/lib/i18n/languages.ts";
import { InLanguage, textOutsideCatalogues } from "../../../../tests/support/i18n.tsx";

const PAGE = "/acme/first-articles/fa-1";

const comment = (overrides: Partial<ThreadComment> = {}): ThreadComment => ({
  id: "c-1",
  body: "The glaze on sample 3 looks thin near the rim.",
  visibility: "SHARED",
  createdAt: "2025-03-04T09:30:00.000Z",
  editedAt: null,
  author: { id: "u-1", name: "Ada Importer" },
  org: { id: "o-1", name: "Acme Imports", kind: "IMPORTER" },
  canEdit: false,
  files: [],
  ...overrides,
});

/**
 * What the route's action answers when it refuses a comment. The one place that knows the shape of a thread reply,
 * so a change of the action contract changes this helper, not the tests.
 */
async function refusal(request: Request, message: string) {
  const submission = parseWithZod(await request.formData(), { schema: CommentSchema });
  return { ok: false, status: 403, intent: "comment", commentId: undefined, result: submission.reply({ formErrors: [message] }) };
}

/** Renders the thread on a page whose action is `action`, and records every form it receives. */
function renderThread(props: Partial<ThreadProps> = {}, action: (args: ActionFunctionArgs) => unknown = () => null, language: Language = "en") {
  const posted: Record<string, FormDataEntryValue>[] = [];
  const router = createMemoryRouter(
    [
      {
        path: "/:org/first-articles/:faId",
        element: <Thread comments={[]} canComment viewerOrgKind="IMPORTER" viewerOrgName="Acme Imports" {...props} />,
        action: async (args) => {
          posted.push(Object.fromEntries(await args.request.clone().formData()));
          return action(args);
        },
      },
    ],
    { initialEntries: [PAGE] },
  );
  // Remix renders its routes in transitions too.
  const { container } = render(
    <InLanguage language={language}>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </InLanguage>,
  );
  return { posted, user: userEvent.setup(), container };
}

const commentField = () => screen.getByRole("textbox", { name: "Add a comment" });
const send = () => screen.getByRole("button", { name: "Send comment" });

describe("thread form", () => {
  it("refuses an empty comment in the browser and says why, without posting", async () => {
    const { posted, user } = renderThread();
    await user.click(send());
    expect(await screen.findByText("Write a comment before sending.")).toBeTruthy();
    expect(commentField().getAttribute("aria-invalid")).toBe("true");
    expect(posted).toHaveLength(0);
  });

  it("posts the comment shared with both sides unless the writer chooses an internal note", async () => {
    const { posted, user } = renderThread();
    expect((screen.getByRole("radio", { name: "Shared with both sides" }) as HTMLInputElement).checked).toBe(true);

    await user.type(commentField(), "Please confirm the glaze supplier.");
    await user.click(screen.getByRole("radio", { name: "Internal note — only Acme Imports sees it" }));
    await user.click(send());

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted).toEqual([expect.objectContaining({ intent: "comment", body: "Please confirm the glaze supplier.", visibility: "INTERNAL" })]);
  });

  it("shows the server's refusal of a comment next to the form", async () => {
    const { posted, user } = renderThread({}, ({ request }) => refusal(request, "This first article is closed for comments."));
    await user.type(commentField(), "One more thing about the rim.");
    await user.click(send());
    expect(await screen.findByText("This first article is closed for comments.")).toBeTruthy();
    expect(posted).toHaveLength(1);
  });

  it("lets a reader without the right to comment read the conversation but not write", () => {
    renderThread({ canComment: false, comments: [comment()] });
    expect(screen.getByText("The glaze on sample 3 looks thin near the rim.")).toBeTruthy();
    expect(screen.getByText("You can read this conversation. Your role cannot write comments.")).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "Add a comment" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Send comment" })).toBeNull();
  });

  it("marks an internal note as seen by its organization only, and names each comment's side", () => {
    renderThread({
      comments: [
        comment(),
        comment({ id: "c-2", body: "Checked with our kiln team.", visibility: "INTERNAL", org: { id: "o-2", name: "Kiln Works", kind: "FACTORY" } }),
      ],
    });
    const [shared, internal] = screen.getAllByRole("article");
    expect(within(shared!).queryByText(/Internal/)).toBeNull();
    expect(within(shared!).getByText("Importer")).toBeTruthy();
    expect(within(internal!).getByText(/Internal — only Kiln Works sees this/)).toBeTruthy();
    expect(within(internal!).getByText("Factory")).toBeTruthy();
  });

  it("offers the author an edit form for a comment still within the edit window", async () => {
    const { user } = renderThread({ comments: [comment({ canEdit: true })] });
    await user.click(screen.getByText("Edit"));
    expect((screen.getByRole("textbox", { name: "Your comment" }) as HTMLTextAreaElement).value).toBe("The glaze on sample 3 looks thin near the rim.");
    expect(screen.getByRole("button", { name: "Save changes" })).toBeTruthy();
  });
});

describe("thread in the reader's language", () => {
  const internal = comment({ id: "c-2", visibility: "INTERNAL", editedAt: "2025-03-04T09:40:00.000Z", canEdit: true, author: null });

  it("reads in Chinese for a Chinese reader", () => {
    renderThread({ comments: [comment(), internal] }, undefined, "zh-CN");
    expect(screen.getByRole("heading", { name: "评论" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "发送评论" })).toBeTruthy();
    expect(screen.getByText("内部——仅 Acme Imports 可见")).toBeTruthy();
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", () => {
    const { container } = renderThread({ comments: [comment(), internal] }, undefined, "en-XA");
    const data = ["Acme Imports", "Ada Importer", "The glaze on sample 3 looks thin near the rim", "Mar", "UTC", "am", "pm", "AM", "PM"];
    expect(textOutsideCatalogues(container, (text) => text.split(" ").every((word) => data.some((d) => d.split(" ").includes(word))))).toEqual([]);
  });
});
