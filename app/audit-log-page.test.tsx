// The audit log page (app/routes/$org.audit.tsx) rendered with what its loader returns, in a language.
import { render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { describe, expect, it, vi } from "vitest";
import type { Language } from "~/lib/i18n/languages.ts";
import AuditLog from "~/routes/$org.audit.tsx";
import { InLanguage, textOutsideCatalogues } from "../tests/support/i18n.tsx";

// The page's server half (loader) is not run here.
vi.mock("~/features/history/audit-log.server.ts", () => ({}));
vi.mock("~/lib/tenant.server.ts", () => ({}));

const typed = { who: "", what: "", type: "", from: "", to: "" };
const choices = {
  who: [{ value: "u1", label: "Li Wei" }],
  action: [{ value: "spec.published", label: "Published a version" }],
  type: [{ value: "Spec", label: "Specification" }],
};
const row = {
  id: "e1",
  at: "2025-03-04T09:30:00.000Z",
  who: "Li Wei",
  whoEmail: "li@acme.example",
  action: "spec.published",
  what: "Published a version",
  subjectType: "Spec",
  typeLabel: "Specification",
  subjectId: "s1",
  details: null,
};

async function page(language: Language, items: (typeof row)[] = [row]) {
  const data = {
    org: { id: "o1", slug: "acme", name: "Acme Imports", kind: "IMPORTER" },
    list: { items, page: 1, pageCount: 1, total: items.length },
    choices,
    typed,
    problems: {},
  };
  const router = createMemoryRouter([{ path: "/:org/audit", element: <AuditLog />, loader: () => data }], { initialEntries: ["/acme/audit"] });
  const view = render(
    <InLanguage language={language}>
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </InLanguage>,
  );
  await screen.findByRole("heading", { level: 1 });
  return view;
}

describe("the audit log page", () => {
  it("speaks the reader's language: Chinese for a Chinese reader", async () => {
    await page("zh-CN");
    expect(screen.getByRole("heading", { name: "审计日志" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "导出 CSV" })).toBeTruthy();
    expect(screen.getByLabelText("操作人")).toBeTruthy();
    expect(screen.getByText("全部记录")).toBeTruthy();
  });

  it("says so in the reader's language when nothing matches", async () => {
    await page("zh-CN", []);
    expect(screen.getByText("没有符合条件的记录")).toBeTruthy();
  });

  it("reads as before in English", async () => {
    await page("en", []);
    expect(screen.getByText("Everything done in and with this organization, newest first. Only owners see it.")).toBeTruthy();
    expect(screen.getByText("Change or clear the filters to see more.")).toBeTruthy();
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", async () => {
    const { container } = await page("en-XA");
    // The people, the labels the server writes for each event, and the time's zone (a formatted date) are data here.
    const data = new Set(["Li Wei", "Published a version", "Specification", "Mar", "UTC", "Mar UTC", "am", "pm", "AM", "PM"]);
    expect(textOutsideCatalogues(container, (text) => data.has(text))).toEqual([]);
  });

  it("has no text of its own outside the catalogues when empty (pseudo-locale)", async () => {
    const { container } = await page("en-XA", []);
    const data = new Set(["Li Wei", "Published a version", "Specification"]);
    expect(textOutsideCatalogues(container, (text) => data.has(text))).toEqual([]);
  });
});
