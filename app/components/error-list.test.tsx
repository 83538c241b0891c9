import { setupI18n } from "@lingui/core";
import { I18nProvider } from "@lingui/react";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ErrorList } from "./forms.tsx";
import { message } from "~/lib/i18n/message.ts";
import { arrivedWith } from "~/lib/i18n/translate.ts";

describe("a page that arrived with part of its words", () => {
  it("writes a message it was not shipped once its namespace has arrived, without suspending the update that showed it", async () => {
    // As the browser starts: only what the server shipped (nothing of "auth" here), the rest on its way.
    const i18n = setupI18n({ locale: "vi", messages: { vi: {} } });
    arrivedWith(i18n, ["common"]);
    const page = (errors: string[]) => (
      <I18nProvider i18n={i18n}>
        <ErrorList id="e" errors={errors} />
      </I18nProvider>
    );
    const { rerender } = render(page([]));
    // The form's own check refuses the field: an update that is no transition.
    rerender(page([message("auth", "validation.emailRequired")]));
    expect(await screen.findByText("Hãy nhập địa chỉ email")).toBeTruthy();
  });
});
