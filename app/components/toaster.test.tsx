import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Toaster, type ToastMessage } from "~/components/toaster.tsx";
import { InLanguage } from "../../tests/support/i18n.tsx";

const saved: ToastMessage = { id: "t1", type: "success", message: "1 file added." };

describe("the toast", () => {
  afterEach(() => vi.useRealTimers());

  it("stays when the page's data is reloaded without a toast, and hides after eight seconds", () => {
    vi.useFakeTimers();
    const { rerender } = render(<Toaster toast={saved} />, { wrapper: InLanguage });
    expect(screen.getByRole("status").textContent).toContain("1 file added.");
    // An autosave's reload brings no toast: the one shown is still the news.
    rerender(<Toaster toast={null} />);
    expect(screen.getByRole("status").textContent).toContain("1 file added.");
    act(() => vi.advanceTimersByTime(8_000));
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("a new toast replaces the one shown, and Dismiss hides it", async () => {
    const { rerender } = render(<Toaster toast={saved} />, { wrapper: InLanguage });
    rerender(<Toaster toast={{ id: "t2", type: "error", message: "Not saved." }} />);
    expect(screen.getByRole("status").textContent).toContain("Not saved.");
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("status")).toBeNull();
    // The same toast coming back with the next reload does not show it again.
    rerender(<Toaster toast={{ id: "t2", type: "error", message: "Not saved." }} />);
    expect(screen.queryByRole("status")).toBeNull();
  });
});
