import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AppShell } from "~/components/app-shell.tsx";
import { ErrorPage } from "~/components/error-boundary.tsx";
import { routerWrapper } from "../../tests/support/component-router.tsx";
import { textOutsideCatalogues } from "../../tests/support/i18n.tsx";
import type { Language } from "~/lib/i18n/languages.ts";

const org = { slug: "bright", name: "Bright Ceramics", kind: "FACTORY" as const, to: "/bright" };
const user = { name: "Li Wei", email: "li@bright.example" };

function shell(language: Language) {
  return render(
    <AppShell org={org} orgs={[org]} nav={[{ to: "/bright", label: "Overview" }]} newOrgTo="/orgs/new" user={user}>
      <ErrorPage status={404} title="Page not found">
        <p />
      </ErrorPage>
    </AppShell>,
    { wrapper: routerWrapper(undefined, language) },
  );
}

describe("the frame of every page", () => {
  it("speaks the reader's language: Chinese for a Chinese reader", () => {
    shell("zh-CN");
    expect(screen.getByRole("button", { name: "退出登录" })).toBeTruthy();
    expect(screen.getByText("切换组织")).toBeTruthy();
    expect(screen.getByText("错误 404")).toBeTruthy();
    expect(screen.getByRole("link", { name: "返回我的首页" })).toBeTruthy();
    // Each language is offered under its own name.
    for (const name of ["English", "简体中文", "Tiếng Việt", "Español"]) expect(screen.getByRole("button", { name })).toBeTruthy();
  });

  it("closes the menu once a language is chosen, as the page changes without reloading", () => {
    shell("en");
    const menu = screen.getByTestId("language-menu") as HTMLDetailsElement;
    menu.open = true;
    fireEvent.click(screen.getByRole("button", { name: "Español" }));
    expect(menu.open).toBe(false);
  });

  it("offers the reader's time zone in the same menu, theirs first, as a form that posts without JavaScript", () => {
    shell("zh-CN");
    const select = screen.getByRole("combobox", { name: "您的时区" }) as HTMLSelectElement;
    expect(select.name).toBe("timeZone");
    expect(select.value).toBe("UTC");
    expect(select.options[0]!.value).toBe("UTC");
    expect(select.querySelector("optgroup")!.label).toBe("当前时区");
    expect([...select.options].map((o) => o.value)).toContain("Asia/Shanghai");
    const form = select.closest("form")!;
    expect(form.getAttribute("method")).toBe("post");
    expect(form.getAttribute("action")).toBe("/language");
    expect((form.querySelector('input[name="intent"]') as HTMLInputElement).value).toBe("timeZone");
    expect(screen.getByRole("button", { name: "使用这个时区" })).toBeTruthy();
  });

  it("has no text of its own outside the catalogues (pseudo-locale)", () => {
    const { container } = shell("en-XA");
    // What the page passes in (the org, the person, the page's own links and title) and the languages' own names are data here.
    const data = new Set([
      "Bright Ceramics",
      "Li Wei",
      "Overview",
      "Page not found",
      "li bright example",
      "English",
      "简体中文",
      "Tiếng Việt",
      "Español",
      "Ƥşḗŭḓǿ",
    ]);
    // The time zone menu's options are the zones' IANA names ("Asia/Ho_Chi_Minh"), as its check reads them.
    const zones = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")].map((zone) => zone.replace(/[\s\p{P}\p{S}\d]+/gu, " ").trim()));
    expect(textOutsideCatalogues(container, (text) => data.has(text) || zones.has(text))).toEqual([]);
  });

  it("the pseudo-locale check finds text that bypassed the catalogues, in labels too", () => {
    const { container } = render(
      <div>
        <p>⟦Ŀǿɠ ǿŭŧ⟧ Plain words, 12</p>
        <button aria-label="Close">×</button>
      </div>,
    );
    expect(textOutsideCatalogues(container)).toEqual(["Plain words", "Close"]);
  });
});
