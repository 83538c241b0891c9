import { describe, expect, it } from "vitest";
import { fromAcceptLanguage, toLanguage } from "./languages.ts";

describe("languages", () => {
  it("reads stored and browser tags as one of ours", () => {
    expect(toLanguage("zh")).toBe("zh-CN");
    expect(toLanguage("zh-Hans-CN")).toBe("zh-CN");
    expect(toLanguage("zh-TW")).toBeNull();
    expect(toLanguage("es_MX")).toBe("es");
    expect(toLanguage("vi-VN")).toBe("vi");
    expect(toLanguage("fr")).toBeNull();
    expect(toLanguage("")).toBeNull();
  });

  it("takes the browser's most wanted language that we speak", () => {
    expect(fromAcceptLanguage("fr-FR,fr;q=0.9,vi;q=0.8,en;q=0.7")).toBe("vi");
    expect(fromAcceptLanguage("en;q=0.5, zh-CN")).toBe("zh-CN");
    expect(fromAcceptLanguage("de, fr")).toBeNull();
    expect(fromAcceptLanguage("en-XA")).toBeNull();
    expect(fromAcceptLanguage(`${"x,".repeat(50_000)}es`)).toBeNull();
  });
});
