import { compileMessage } from "@lingui/message-utils/compileMessage";
import { describe, expect, it } from "vitest";
import { pseudoMessage } from "./pseudo.ts";

describe("the pseudo-locale", () => {
  it("accents the text and brackets the whole, leaving placeholders and plural keywords as they are", () => {
    expect(pseudoMessage("Log out")).toBe("⟦Ŀǿɠ ǿŭŧ⟧");
    const plural = pseudoMessage("{count, plural, one {# file added by {name}.} other {# files added.}}");
    expect(plural).toBe("⟦{count, plural, one {# ƒīŀḗ ȧḓḓḗḓ ƀẏ {name}.} other {# ƒīŀḗş ȧḓḓḗḓ.}}⟧".replace(/ƒ/g, "f"));
    // Still a message the compiler reads.
    expect(() => compileMessage(plural)).not.toThrow();
  });
});
