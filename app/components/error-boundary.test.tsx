import { render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { message } from "~/lib/i18n/message.ts";
import type { Language } from "~/lib/i18n/languages.ts";
import { InLanguage } from "../../tests/support/i18n.tsx";
import { GeneralErrorBoundary } from "./error-boundary.tsx";

/** A page whose loader refuses with `data` and `status`, shown through the error page in `language`. */
async function refusedPage(data: string, status: number, language: Language) {
  const router = createMemoryRouter(
    [
      {
        path: "/",
        element: null,
        errorElement: <GeneralErrorBoundary />,
        loader: () => {
          throw Response.json(data, { status });
        },
      },
    ],
    { initialEntries: ["/"] },
  );
  render(
    <InLanguage language={language}>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </InLanguage>,
  );
  return screen.findByRole("heading", { level: 1 });
}

describe("error page", () => {
  it("writes a refusal the server decided in the reader's language", async () => {
    await refusedPage(message("firstArticles", "errors.roleCannotWithdraw"), 403, "zh-CN");
    expect(await screen.findByText("您的角色不能撤回首件检验。")).toBeTruthy();
  });

  it("shows any other text of the server as it is", async () => {
    await refusedPage("Not for you.", 403, "en");
    expect(await screen.findByText("Not for you.")).toBeTruthy();
  });

  it("tells a refused form's reason in the reader's language, with the field's name as it was sent", async () => {
    await refusedPage(message("common", "form.unknownField", { name: '"nope"' }), 400, "zh-CN");
    expect(await screen.findByText('表单中有一个此页面不认识的字段："nope"。')).toBeTruthy();
  });

  it("says an organization that is not the reader's is not found, in English for an English reader", async () => {
    await refusedPage(message("common", "error.orgNotFound"), 404, "en");
    expect(await screen.findByText(/This organization does not exist/)).toBeTruthy();
  });

  it("shows the status's own words when the answer gives none", async () => {
    const heading = await refusedPage("", 403, "es");
    expect(heading.textContent).toBe("No tiene permiso para hacer esto");
  });
});
