import { describe, expect, it } from "vitest";
import { locales, renderEmail, templates, type TemplateName } from "./index.ts";
import {
  commentAddedSample,
  correctiveActionReminderSample,
  correctiveActionUpdateSample,
  firstArticleDecidedSample,
  firstArticleSubmittedSample,
  memberInvitationSample,
  partnerInvitationSample,
  signupConfirmSample,
  signupExistingSample,
  specAcknowledgedSample,
  specPublishedSample,
  sampleLink as link,
} from "./samples.ts";

// Per template: its sample data, the field holding the main link, and one word per
// locale that only that locale's subject contains.
const samples: {
  [T in TemplateName]: { data: Record<string, unknown>; linkField: string; required: string; marker: Record<(typeof locales)[number], RegExp> };
} = {
  "partner-invitation": {
    data: partnerInvitationSample,
    linkField: "acceptUrl",
    required: "inviterName",
    marker: { en: /invit/i, es: /invit(a|ación)/i, zh: /邀请/ },
  },
  "member-invitation": {
    data: memberInvitationSample,
    linkField: "acceptUrl",
    required: "inviterName",
    marker: { en: /invit/i, es: /invit(a|ación)/i, zh: /邀请/ },
  },
  "comment-added": {
    data: commentAddedSample,
    linkField: "link",
    required: "authorName",
    marker: { en: /commented/i, es: /coment/i, zh: /评论/ },
  },
  "spec-published": {
    data: specPublishedSample,
    linkField: "link",
    required: "importerName",
    marker: { en: /published/i, es: /publicó/i, zh: /发布/ },
  },
  "spec-acknowledged": {
    data: specAcknowledgedSample,
    linkField: "link",
    required: "factoryName",
    marker: { en: /question/i, es: /pregunta/i, zh: /疑问/ },
  },
  "first-article-submitted": {
    data: firstArticleSubmittedSample,
    linkField: "link",
    required: "factoryName",
    marker: { en: /submitted/i, es: /envió/i, zh: /提交/ },
  },
  "first-article-decided": {
    data: firstArticleDecidedSample,
    linkField: "link",
    required: "importerName",
    marker: { en: /rejected/i, es: /rechazó/i, zh: /拒绝/ },
  },
  "corrective-action-update": {
    data: correctiveActionUpdateSample,
    linkField: "link",
    required: "orgName",
    marker: { en: /corrective action/i, es: /acción correctiva/i, zh: /纠正措施/ },
  },
  "corrective-action-reminder": {
    data: correctiveActionReminderSample,
    linkField: "link",
    required: "factoryName",
    marker: { en: /is late/i, es: /atrasado/i, zh: /逾期/ },
  },
  "signup-confirm": {
    data: signupConfirmSample,
    linkField: "confirmUrl",
    required: "name",
    marker: { en: /confirm/i, es: /confirme/i, zh: /确认/ },
  },
  "signup-existing": {
    data: signupExistingSample,
    linkField: "loginUrl",
    required: "loginUrl",
    marker: { en: /tried to create/i, es: /intentó crear/i, zh: /尝试/ },
  },
};

const renderSample = (template: TemplateName, locale = "en") => renderEmail(template, locale, samples[template].data);

describe("email templates", () => {
  it("has a sample for every registered template", () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(templates).sort());
  });

  for (const template of Object.keys(samples) as TemplateName[]) {
    const sample = samples[template];
    for (const locale of locales) {
      it(`renders ${template} in ${locale}`, async () => {
        const email = await renderSample(template, locale);
        expect(email.subject).toMatch(sample.marker[locale]);
        expect(email.html).toContain(link);
        expect(email.text).toContain(link);
        expect(email.html).toContain("Supplier Portal");
        expect(email.html).toMatch(/<html[^>]*lang="(en|es|zh-CN)"/);
        expect(email.text).not.toMatch(/\{\w+\}/); // every placeholder filled
      });
    }

    it(`rejects invalid data for ${template}`, async () => {
      await expect(renderEmail(template, "en", { ...sample.data, [sample.linkField]: "javascript:alert(1)" })).rejects.toThrow(
        new RegExp(`Invalid data for email template "${template}": ${sample.linkField}`),
      );
      await expect(renderEmail(template, "en", {})).rejects.toThrow(new RegExp(sample.required));
    });
  }

  it("invitations say when they expire", async () => {
    const email = await renderSample("partner-invitation");
    expect(email.text).toMatch(/2027/);
  });

  it("a query email quotes the factory's question", async () => {
    const email = await renderSample("spec-acknowledged");
    expect(email.text).toContain("Before or after glazing?");
  });

  it("writes Chinese and Spanish text, not English", async () => {
    const zh = await renderSample("partner-invitation", "zh");
    expect(zh.subject).toBe("Nordic Home 邀请您使用 Supplier Portal");
    expect(zh.text).toContain("供应商免费");
    const es = await renderSample("member-invitation", "es");
    expect(es.text).toContain("como responsable de calidad");
  });

  it("falls back to English for an unknown locale", async () => {
    const email = await renderSample("partner-invitation", "fr-FR");
    expect(email.subject).toBe("Nordic Home invites you to Supplier Portal");
    expect(email.text).toContain("free for suppliers");
  });

  it("an existing owner's email names the org whose invitation the login leads to", async () => {
    const email = await renderEmail("signup-existing", "en", { loginUrl: link, invitationOrgName: "Nordic Home" });
    expect(email.text).toContain("accept the invitation to Nordic Home");
  });

  it("rejects an unknown template", async () => {
    await expect(renderEmail("no-such-template", "en", {})).rejects.toThrow(/Unknown email template "no-such-template"/);
  });
});
