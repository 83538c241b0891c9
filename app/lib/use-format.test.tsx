import { act } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { InLanguage } from "../../tests/support/i18n.tsx";
import { TimeZoneProvider, useFormat } from "./use-format.ts";

function Posted({ at }: { at: string }) {
  return <time dateTime={at}>{useFormat().dateTime(at)}</time>;
}

const page = (
  <InLanguage language="vi">
    <TimeZoneProvider value="Asia/Ho_Chi_Minh">
      <Posted at="2026-03-05T14:07:00.000Z" />
    </TimeZoneProvider>
  </InLanguage>
);

describe("times on a page rendered on the server", () => {
  it("hydrate in the browser without a difference, in the reader's zone and language", async () => {
    const html = renderToString(page);
    expect(html).toContain("21:07 GMT+7 5 thg 3, 2026");
    const container = document.createElement("div");
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const recoverable: unknown[] = [];
    await act(async () => {
      hydrateRoot(container, page, { onRecoverableError: (error) => recoverable.push(error) });
    });
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(container.textContent).toContain("21:07 GMT+7 5 thg 3, 2026");
  });
});
