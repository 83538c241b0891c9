import { describe, expect, it } from "vitest";
import { locales, renderEmail, templates, toLocale, type TemplateName } from "./index.ts";
import {
  commentAddedSample,
  correctiveActionReminderSample,
  correctiveActionUpdateSample,
  firstArticleDecidedSample,
  firstArticleSubmittedSample,
  inspectionAbortedSample,
  inspectionBookedSample,
  inspectionConfirmedSample,
  inspectionDecidedSample,
  inspectionSeveritySwitchedSample,
  memberInvitationSample,
  partnerInvitationSample,
  signupConfirmSample,
  signupExistingSample,
  inspectionResultSample,
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
    marker: { en: /invit/i, es: /invit(a|ación)/i, "zh-CN": /邀请/, vi: /mời bạn dùng/ },
  },
  "member-invitation": {
    data: memberInvitationSample,
    linkField: "acceptUrl",
    required: "inviterName",
    marker: { en: /invit/i, es: /invit(a|ación)/i, "zh-CN": /邀请/, vi: /mời bạn tham gia/ },
  },
  "comment-added": {
    data: commentAddedSample,
    linkField: "link",
    required: "authorName",
    marker: { en: /commented/i, es: /coment/i, "zh-CN": /评论/, vi: /bình luận/ },
  },
  "spec-published": {
    data: specPublishedSample,
    linkField: "link",
    required: "importerName",
    marker: { en: /published/i, es: /publicó/i, "zh-CN": /发布/, vi: /phát hành/ },
  },
  "spec-acknowledged": {
    data: specAcknowledgedSample,
    linkField: "link",
    required: "factoryName",
    marker: { en: /question/i, es: /pregunta/i, "zh-CN": /疑问/, vi: /câu hỏi/ },
  },
  "first-article-submitted": {
    data: firstArticleSubmittedSample,
    linkField: "link",
    required: "factoryName",
    marker: { en: /submitted/i, es: /envió/i, "zh-CN": /提交/, vi: /kiểm tra mẫu đầu/ },
  },
  "first-article-decided": {
    data: firstArticleDecidedSample,
    linkField: "link",
    required: "importerName",
    marker: { en: /rejected/i, es: /rechazó/i, "zh-CN": /拒绝/, vi: /từ chối/ },
  },
  "corrective-action-update": {
    data: correctiveActionUpdateSample,
    linkField: "link",
    required: "orgName",
    marker: { en: /corrective action/i, es: /acción correctiva/i, "zh-CN": /纠正措施/, vi: /hành động khắc phục/ },
  },
  "corrective-action-reminder": {
    data: correctiveActionReminderSample,
    linkField: "link",
    required: "factoryName",
    marker: { en: /is late/i, es: /atrasado/i, "zh-CN": /逾期/, vi: /trễ hạn/ },
  },
  "inspection-booked": {
    data: inspectionBookedSample,
    linkField: "link",
    required: "orgName",
    marker: { en: /booked/i, es: /reservó/i, "zh-CN": /预约/, vi: /đặt lịch/ },
  },
  "inspection-confirmed": {
    data: inspectionConfirmedSample,
    linkField: "link",
    required: "orgName",
    marker: { en: /another date/i, es: /otra fecha/i, "zh-CN": /另一个日期/, vi: /ngày khác/ },
  },
  "inspection-aborted": {
    data: inspectionAbortedSample,
    linkField: "link",
    required: "orgName",
    marker: { en: /called off/i, es: /canceló/i, "zh-CN": /取消/, vi: /hủy/ },
  },
  "signup-confirm": {
    data: signupConfirmSample,
    linkField: "confirmUrl",
    required: "name",
    marker: { en: /confirm/i, es: /confirme/i, "zh-CN": /确认/, vi: /xác nhận/i },
  },
  "signup-existing": {
    data: signupExistingSample,
    linkField: "loginUrl",
    required: "loginUrl",
    marker: { en: /tried to create/i, es: /intentó crear/i, "zh-CN": /尝试/, vi: /đã thử tạo/ },
  },
  "inspection-result": {
    data: inspectionResultSample,
    linkField: "link",
    required: "result",
    marker: { en: /Inspection failed/, es: /Inspección no aprobada/, "zh-CN": /检验不合格/, vi: /Kiểm hàng không đạt/ },
  },
  "inspection-decided": {
    data: inspectionDecidedSample,
    linkField: "link",
    required: "importerName",
    marker: { en: /rejected/i, es: /rechazó/i, "zh-CN": /拒收/, vi: /từ chối/ },
  },
  "inspection-severity-switched": {
    data: inspectionSeveritySwitchedSample,
    linkField: "link",
    required: "factoryName",
    marker: { en: /tightened/i, es: /rigurosa/i, "zh-CN": /加严/, vi: /nghiêm ngặt/ },
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
        expect(email.html).toMatch(/<html[^>]*lang="(en|zh-CN|vi|es)"/);
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

  it("a comment's email names what was commented on in the recipient's words", async () => {
    const about = { kind: "firstArticle", po: "4500-123", round: 2 } as const;
    const zh = await renderEmail("comment-added", "zh-CN", { ...commentAddedSample, about });
    expect(zh.subject).toContain("采购单 4500-123 的首件检验，第 2 轮");
    const en = await renderEmail("comment-added", "en", { ...commentAddedSample, about });
    expect(en.subject).toContain("first article PO 4500-123, round 2");
    const spec = await renderEmail("comment-added", "vi", commentAddedSample);
    expect(spec.subject).toContain("Mug, phiên bản 3");
    // One queued before the record was named as data names it as it was written.
    const { about: _, ...queuedBefore } = commentAddedSample;
    expect((await renderEmail("comment-added", "en", { ...queuedBefore, title: "Mug, version 3" })).subject).toContain("commented on Mug, version 3");
  });

  it("a corrective action's due date names the factory's zone it ends in", async () => {
    const opened = { ...correctiveActionUpdateSample, event: "opened", dueZone: "Asia/Shanghai" };
    expect((await renderEmail("corrective-action-update", "zh-CN", opened)).text).toContain("（以 Asia/Shanghai 时间当天结束为准）");
    expect((await renderEmail("corrective-action-update", "en", opened)).text).toContain("(end of day, Asia/Shanghai)");
    const reminder = { ...correctiveActionReminderSample, dueZone: "Asia/Ho_Chi_Minh" };
    expect((await renderEmail("corrective-action-reminder", "vi", reminder)).text).toContain("(hết ngày theo giờ Asia/Ho_Chi_Minh)");
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

  it("writes Vietnamese for vi, subject and body", async () => {
    const email = await renderSample("first-article-submitted", "vi");
    expect(email.subject).toBe("Bright Ceramics đã nộp kiểm tra mẫu đầu cho Mug 350 ml (PO PO-4411)");
    expect(email.text).toContain("Bright Ceramics đã nộp vòng 1 của kiểm tra mẫu đầu cho Mug 350 ml, phiên bản 2.");
    expect(email.text).toContain("Đây là email tự động.");
    expect(email.html).toMatch(/<html[^>]*lang="vi"/);
    const invitation = await renderSample("partner-invitation", "vi-VN");
    expect(invitation.subject).toBe("Nordic Home mời bạn dùng Supplier Portal");
    expect(invitation.text).toContain("miễn phí cho nhà cung cấp");
    expect(invitation.text).toMatch(/Lời mời này hết hạn vào .*2027/);
  });

  for (const locale of ["zh", "zh-CN"]) {
    it(`writes Chinese for ${locale}, subject and body`, async () => {
      const email = await renderSample("first-article-submitted", locale);
      expect(email.subject).toBe("Bright Ceramics 提交了 Mug 350 ml 的首件检验 (PO PO-4411)");
      expect(email.text).toContain("Bright Ceramics 提交了 Mug 350 ml 第 2 版首件检验的第 1 轮。");
      expect(email.text).toContain("这是一封自动发送的邮件");
      expect(email.html).toMatch(/<html[^>]*lang="zh-CN"/);
      const invitation = await renderSample("partner-invitation", locale);
      expect(invitation.subject).toBe("Nordic Home 邀请您使用 Supplier Portal");
      expect(invitation.text).toMatch(/此邀请将于 2027年3月5日 过期/);
    });
  }

  it("reads stored language tags as the languages of the screens", () => {
    expect(locales).toEqual(["en", "zh-CN", "vi", "es"]);
    const read = ["zh", "zh-CN", "zh_Hans_CN", "vi", "vi-VN", "es-MX", "en-GB", "en-XA", "fr-FR", "zh-TW", "", null].map((tag) => toLocale(tag));
    expect(read).toEqual(["zh-CN", "zh-CN", "zh-CN", "vi", "vi", "es", "en", "en", "en", "en", "en", "en"]);
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
