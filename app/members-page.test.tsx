// The members page (app/routes/$org.members.tsx, with its invitation form) rendered with what its loader returns, in a language.
import { render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it, vi } from "vitest";
import { formatterFor } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n/languages.ts";
import Members from "~/routes/$org.members.tsx";
import { InLanguage, textOutsideCatalogues } from "../tests/support/i18n.tsx";

// The page's server half (loader, action) is not run here.
vi.mock("~/features/organizations/members.server.ts", () => ({}));
vi.mock("~/features/organizations/invitations.server.ts", () => ({}));
vi.mock("~/lib/tenant.server.ts", () => ({}));
vi.mock("~/lib/toast.server.ts", () => ({}));
vi.mock("~/lib/actions.server.ts", () => ({}));
vi.mock("~/lib/forms.server.ts", () => ({}));

const day = "2025-03-04T09:30:00.000Z";
const member = (id: string, name: string, role: string, can: { changeRole: boolean; remove: boolean }) => ({
  id,
  orgId: "o1",
  role,
  createdAt: day,
  user: { id: `u-${id}`, name, email: `${name.split(" ")[0]!.toLowerCase()}@acme.example` },
  can,
});
const data = {
  org: { id: "o1", slug: "acme", name: "Acme Imports", kind: "IMPORTER" },
  me: "u-m1",
  can: { invite: true },
  members: {
    page: 1,
    pageCount: 1,
    total: 2,
    items: [member("m1", "Ana Ruiz", "OWNER", { changeRole: false, remove: false }), member("m2", "Li Wei", "QUALITY", { changeRole: true, remove: true })],
  },
  invitations: [{ id: "i1", email: "tom@acme.example", role: "VIEWER", expiresAt: day, createdAt: day }],
};

async function page(language: Language) {
  const router = createMemoryRouter([{ path: "/:org/members", element: <Members />, loader: () => data }], { initialEntries: ["/acme/members"] });
  const view = render(
    <InLanguage language={language}>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </InLanguage>,
  );
  await screen.findAllByTestId("member-row");
  return view;
}

describe("the members page", () => {
  it("speaks the reader's language: Chinese for a Chinese reader", async () => {
    await page("zh-CN");
    expect(screen.getByRole("heading", { name: "邀请同事" })).toBeTruthy();
    expect(screen.getByText("所有者", { selector: "span" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Li Wei 的角色" })).toBeTruthy();
    expect(screen.getByText(`查看者 · ${formatterFor("zh-CN").dayNumeric(day)} 过期`)).toBeTruthy();
    expect(screen.getByRole("button", { name: "发送邀请" })).toBeTruthy();
  });

  it("reads as before in English", async () => {
    await page("en");
    expect(screen.getByText("People who work in Acme Imports.")).toBeTruthy();
    expect(screen.getByText("(you)")).toBeTruthy();
    expect(screen.getByText(`Viewer · expires ${formatterFor("en").dayNumeric(day)}`)).toBeTruthy();
    expect(screen.getByLabelText("Email language")).toBeTruthy();
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", async () => {
    const { container } = await page("en-XA");
    // People's names and addresses and the email languages' own names are data.
    const data = new Set(["Ana Ruiz", "Li Wei", "ana acme example", "li acme example", "tom acme example", "English", "Español"]);
    expect(textOutsideCatalogues(container, (text) => data.has(text))).toEqual([]);
  });
});
