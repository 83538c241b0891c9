import { describe, expect, it } from "vitest";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import { AcceptPartnerSchema } from "./schemas.ts";

describe("accepting a partner invitation", () => {
  it("asks which factory in the reader's language when none is chosen", () => {
    const missing = AcceptPartnerSchema.safeParse({ factory: "existing", factoryOrgId: "" }).error!.issues[0]!.message;
    expect(translateMessage("en", missing)).toBe("Choose one of your factories");
    expect(translateMessage("zh-CN", missing)).toBe("请选择您的一家工厂");
    const neither = AcceptPartnerSchema.safeParse({ factory: "maybe" }).error!.issues[0]!.message;
    expect(translateMessage("es", neither)).toBe("Elija si quiere crear una fábrica o usar una de las suyas");
  });
});
