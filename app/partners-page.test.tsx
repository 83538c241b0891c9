// The partners page (app/routes/$org.partners.tsx) rendered with what its loader returns, in a language.
import { render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it, vi } from "vitest";
import { formatterFor } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n/languages.ts";
import Partners from "~/routes/$org.partners.tsx";
import { InLanguage, textOutsideCatalogues } from "../tests/support/i18n.tsx";

// The page's server half (loader, action) is not run here.
vi.mock("~/features/partners/partners.server.ts", () => ({}));
vi.mock("~/features/organizations/members.server.ts", () => ({}));
vi.mock("~/lib/tenant.server.ts", () => ({}));
vi.mock("~/lib/toast.server.ts", () => ({}));
vi.mock("~/lib/actions.server.ts", () => ({}));
vi.mock("~/lib/forms.server.ts", () => ({}));

const day = "2025-03-04T09:30:00.000Z";
const data = {
  org: { id: "o1", slug: "acme", name: "Acme Imports", kind: "IMPORTER" },
  status: null,
  can: { invite: true },
  partnerships: {
    page: 1,
    pageCount: 1,
    total: 3,
    items: [
      {
        id: "p1",
        status: "ACTIVE",
        activatedAt: day,
        endedAt: null,
        factory: { id: "f1", name: "Bright Ceramics" },
        importer: null,
        invitations: [],
        can: { end: true, revokeInvitation: false },
      },
      {
        id: "p2",
        status: "INVITED",
        activatedAt: null,
        endedAt: null,
        factory: null,
        importer: null,
        invitations: [{ id: "i1", email: "qc@sunrise.example", expiresAt: day }],
        can: { end: false, revokeInvitation: true },
      },
      {
        id: "p3",
        status: "ENDED",
        activatedAt: day,
        endedAt: day,
        factory: { id: "f2", name: "Old Mill" },
        importer: null,
        invitations: [],
        can: { end: false, revokeInvitation: false },
      },
    ],
  },
};

async function page(language: Language) {
  const router = createMemoryRouter([{ path: "/:org/partners", element: <Partners />, loader: () => data }], { initialEntries: ["/acme/partners"] });
  const view = render(
    <InLanguage language={language}>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </InLanguage>,
  );
  await screen.findAllByTestId("partner-row");
  return view;
}

describe("the partners page", () => {
  it("speaks the reader's language: Chinese for a Chinese reader", async () => {
    await page("zh-CN");
    expect(screen.getByRole("heading", { name: "工厂" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "邀请工厂" })).toBeTruthy();
    expect(screen.getByText(`自 ${formatterFor("zh-CN").dayNumeric(day)} 起合作`)).toBeTruthy();
    expect(screen.getByRole("button", { name: "撤销" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "发送邀请" })).toBeTruthy();
  });

  it("reads as before in English", async () => {
    await page("en");
    expect(screen.getByRole("heading", { name: "Factories" })).toBeTruthy();
    expect(screen.getByText(`Invited qc@sunrise.example · expires ${formatterFor("en").dayNumeric(day)}`)).toBeTruthy();
    expect(screen.getByText("End the partnership with Bright Ceramics? They lose access to everything you shared; the history is kept.")).toBeTruthy();
    expect(screen.getByText("ended", { selector: "span" })).toBeTruthy();
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", async () => {
    const { container } = await page("en-XA");
    // The partners' names and addresses, dates and the email languages' own names are data.
    const data = new Set(["Bright Ceramics", "Old Mill", "qc sunrise example", "English", "Español"]);
    expect(textOutsideCatalogues(container, (text) => data.has(text))).toEqual([]);
  });
});
