import { describe, expect, it } from "vitest";
import { locales, renderEmail, templates, type TemplateName } from "./index.ts";

const acceptUrl = "https://portal.example.com/invitations/tok_123?src=email";
const samples: { [T in TemplateName]: Record<string, unknown> } = {
  "partner-invitation": { inviterName: "Anna Berg", importerName: "Nordic Home", acceptUrl, expiresAt: "2027-03-05T10:00:00.000Z" },
  "member-invitation": { inviterName: "Li Wei", orgName: "Bright Ceramics", role: "QUALITY", acceptUrl, expiresAt: "2027-03-05T10:00:00Z" },
};
// One word per locale that only that locale's text contains.
const marker = { en: /invit/i, es: /invit(a|ación)/i, zh: /邀请/ };

describe("email templates", () => {
  it("has a sample for every registered template", () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(templates).sort());
  });

  for (const template of Object.keys(samples) as TemplateName[]) {
    for (const locale of locales) {
      it(`renders ${template} in ${locale}`, async () => {
        const email = await renderEmail(template, locale, samples[template]);
        expect(email.subject).toMatch(marker[locale]);
        expect(email.html).toContain(acceptUrl);
        expect(email.text).toContain(acceptUrl);
        expect(email.html).toContain("Supplier Portal");
        expect(email.html).toMatch(/<html[^>]*lang="(en|es|zh-CN)"/);
        expect(email.text).toMatch(/2027/);
        expect(email.text).not.toMatch(/\{\w+\}/); // every placeholder filled
      });
    }

    it(`rejects invalid data for ${template}`, async () => {
      await expect(renderEmail(template, "en", { ...samples[template], acceptUrl: "javascript:alert(1)" })).rejects.toThrow(
        new RegExp(`Invalid data for email template "${template}": acceptUrl`),
      );
      await expect(renderEmail(template, "en", {})).rejects.toThrow(/inviterName/);
    });
  }

  it("writes Chinese and Spanish text, not English", async () => {
    const zh = await renderEmail("partner-invitation", "zh", samples["partner-invitation"]);
    expect(zh.subject).toBe("Nordic Home 邀请您使用 Supplier Portal");
    expect(zh.text).toContain("供应商免费");
    const es = await renderEmail("member-invitation", "es", samples["member-invitation"]);
    expect(es.text).toContain("como responsable de calidad");
  });

  it("falls back to English for an unknown locale", async () => {
    const email = await renderEmail("partner-invitation", "fr-FR", samples["partner-invitation"]);
    expect(email.subject).toBe("Nordic Home invites you to Supplier Portal");
    expect(email.text).toContain("free for suppliers");
  });

  it("rejects an unknown template", async () => {
    await expect(renderEmail("no-such-template", "en", {})).rejects.toThrow(/Unknown email template "no-such-template"/);
  });
});
