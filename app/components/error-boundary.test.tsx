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
});
