// Whose language a page is in, and the menu that changes it: the account's language for a
// signed-in reader, else the one chosen on this browser, else the browser's own, else English.
import allCatalogues from "virtual:catalogues/all";
import { describe, expect, it } from "vitest";
import { CATALOGUE_SCRIPT_ID } from "~/lib/i18n/catalogue-script-id.ts";
import type { ShippedCatalogues } from "~/lib/i18n/translate.ts";
import { prisma } from "~/lib/db.server.ts";
import * as languageRoute from "~/routes/language.ts";
import * as rootRoute from "~/root.tsx";
import * as dashboardRoute from "~/routes/$org._index.tsx";
import * as faRoute from "~/routes/$org.first-articles.$faId._index.tsx";
import { createAcknowledgement, createFirstArticle, createMember, createSpec, createSpecShare } from "../support/factories.ts";
import { requestPage } from "../support/app-handler.ts";
import { call, signedInMember } from "../support/routes.ts";

const languageOf = async (headers: Record<string, string>, cookie?: string) => {
  const out = await call(rootRoute.loader, "/login", { headers, cookie });
  return (out.data as { language: string }).language;
};

describe("the page's language", () => {
  it("follows the browser when nothing was chosen, the menu's choice over the browser, and the account's over both", async () => {
    expect(await languageOf({})).toBe("en");
    expect(await languageOf({ "Accept-Language": "fr-FR,vi;q=0.8,en;q=0.5" })).toBe("vi");
    expect(await languageOf({ "Accept-Language": "zh-Hans-CN,zh;q=0.9" })).toBe("zh-CN");
    expect(await languageOf({ "Accept-Language": "vi", Cookie: "sp_lang=es" })).toBe("es");
    // A cookie naming no language we speak is passed over, not trusted.
    expect(await languageOf({ "Accept-Language": "vi", Cookie: "sp_lang=%3Cscript%3E" })).toBe("vi");

    const member = await signedInMember("FACTORY", "QUALITY");
    await prisma.user.update({ where: { id: member.user.id }, data: { locale: "zh" } });
    expect(await languageOf({ "Accept-Language": "es" }, `${member.cookie}; sp_lang=vi`)).toBe("zh-CN");
  });
});

describe("the language menu", () => {
  it("remembers a signed-out reader's choice on the browser and goes back to the page", async () => {
    const out = await call(languageRoute.action, "/language", { form: { language: "vi", redirectTo: "/login?redirectTo=%2Facme" } });
    expect(out.status).toBe(302);
    expect(out.location).toBe("/login?redirectTo=%2Facme");
    expect(out.headers.get("Set-Cookie")).toMatch(/^sp_lang=vi; Path=\/; Max-Age=31536000; SameSite=Lax/);
  });

  it("stores a signed-in reader's choice on their account, so their next email is in it too", async () => {
    const member = await signedInMember("FACTORY", "MEMBER");
    const out = await call(languageRoute.action, "/language", { cookie: member.cookie, form: { language: "zh-CN", redirectTo: `/${member.org.slug}` } });
    expect(out.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.user.id } })).locale).toBe("zh-CN");
  });

  it("refuses a language it does not offer with a 400 and changes nothing, and never sends the reader off the site", async () => {
    const member = await signedInMember("IMPORTER", "OWNER");
    const refused = await call(languageRoute.action, "/language", { cookie: member.cookie, form: { language: "klingon" } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("Set-Cookie")).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.user.id } })).locale).toBe("en");
    const away = await call(languageRoute.action, "/language", { form: { language: "es", redirectTo: "//evil.example/x" } });
    expect(away.status).toBe(302);
    expect(away.location).toBe("/");
  });
});

describe("what the server says after an action", () => {
  it("is in the language of the person who acted, whatever the browser asks for", async () => {
    const importer = await createMember("IMPORTER", "QUALITY");
    const factory = await signedInMember("FACTORY", "OWNER");
    await prisma.user.update({ where: { id: factory.user.id }, data: { locale: "zh-CN" } });
    const { spec, version } = await createSpec(importer.org.id);
    await createSpecShare(spec.id, importer.org.id, factory.org.id);
    await createAcknowledgement(version, factory.org.id);
    const fa = await createFirstArticle(importer.org, factory.org, spec, version);

    const posted = await call(faRoute.action, `/${factory.org.slug}/first-articles/${fa.id}`, {
      cookie: factory.cookie,
      headers: { "Accept-Language": "en" },
      params: { org: factory.org.slug, faId: fa.id },
      form: { intent: "comment", body: "样品 3 的釉面偏薄。", visibility: "SHARED" },
    });
    expect(posted.status, JSON.stringify(posted.data)).toBe(302);
    const toastCookie = posted.headers.get("Set-Cookie")!.split(";")[0]!;
    const page = await call(rootRoute.loader, `/${factory.org.slug}/first-articles/${fa.id}`, { cookie: `${factory.cookie}; ${toastCookie}` });
    expect((page.data as { toast: { message: string } }).toast.message).toBe("评论已发布。");
  });
});

describe("the dashboard's lists", () => {
  it("name a Vietnamese factory's work in Vietnamese, whole sentences with the importer and the date in place", async () => {
    const importer = await createMember("IMPORTER", "QUALITY");
    const factory = await signedInMember("FACTORY", "QUALITY");
    await prisma.user.update({ where: { id: factory.user.id }, data: { locale: "vi" } });
    const { spec } = await createSpec(importer.org.id);
    await createSpecShare(spec.id, importer.org.id, factory.org.id);

    const page = await call(dashboardRoute.loader, `/${factory.org.slug}`, { cookie: factory.cookie, params: { org: factory.org.slug } });
    const { attention } = page.data as { attention: { groups: { key: string; title: string; items: { detail: string }[] }[] } };
    const toAcknowledge = attention.groups.find((g) => g.key === "specs-to-acknowledge")!;
    expect(toAcknowledge.title).toBe("Thông số kỹ thuật cần xác nhận");
    expect(toAcknowledge.items[0]!.detail).toMatch(new RegExp(`^Từ ${importer.org.name} · phát hành .+\\. Hãy đọc, rồi xác nhận hoặc đặt câu hỏi\\.$`));
  });
});

describe("the words a page carries", () => {
  const shippedBy = async (path: string, language: string) => {
    const html = await (await requestPage(path, { cookie: `sp_lang=${language}` })).text();
    const json = new RegExp(`<script id="${CATALOGUE_SCRIPT_ID}"[^>]*>([\\s\\S]*?)</script>`).exec(html)?.[1];
    return JSON.parse(json!) as ShippedCatalogues;
  };

  it("are the messages it shows and its namespaces' titles, in its language; the rest of those namespaces follows after it", async () => {
    const shipped = await shippedBy("/login", "vi");
    expect(shipped.language).toBe("vi");
    expect(shipped.namespaces).toEqual(expect.arrayContaining(["auth", "common"]));
    const ids = Object.keys(shipped.messages);
    // What the log-in page shows, and every title of its namespaces (a route's meta writes them in the browser too).
    expect(ids).toEqual(expect.arrayContaining(["auth:login.title", "auth:meta.login", "auth:meta.signup", "common:language.label"]));
    expect(shipped.messages["auth:login.title"]).toEqual(allCatalogues.vi!["auth:login.title"]);
    // Not the sign-up page's words, though they share the namespace.
    expect(ids.filter((id) => id.startsWith("auth:signup."))).toEqual([]);
    expect(ids.length).toBeLessThan(Object.keys(allCatalogues.vi!).filter((id) => id.startsWith("auth:") || id.startsWith("common:")).length / 2);
  });
});
