import { describe, expect, it } from "vitest";
import { message, parseMessage } from "./message.ts";
import { translateMessage } from "./translate.server.ts";

describe("message", () => {
  it("carries a key and its values as one string, and is written in each language", () => {
    const text = message("common", "validation.tooLong", { max: 5000 });
    expect(parseMessage(text)).toEqual({ namespace: "common", key: "validation.tooLong", values: { max: 5000 } });
    expect(translateMessage("en", text)).toBe("Use at most 5,000 characters");
    expect(translateMessage("zh-CN", text)).toBe("最多 5,000 个字符");
    expect(translateMessage("es", text)).toBe("Use como máximo 5000 caracteres");
  });

  it("leaves any other text as it is", () => {
    for (const text of ["Note: check the glaze", "nosuch:key", "common:validation.tooLong {not json}", "common:x [1]", ""])
      expect(translateMessage("vi", text)).toBe(text);
  });

  it("a key without values has no JSON after it", () => {
    expect(message("common", "validation.date.noSuchDay")).toBe("common:validation.date.noSuchDay");
  });
});
