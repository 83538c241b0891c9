// Each reader's time zone, and each factory's: times on pages in the reader's zone, due dates
// that end with the day in the factory's zone, in the lists and on the dashboard alike.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { listCorrectiveActions } from "~/features/corrective-actions/lists.server.ts";
import { getDashboard } from "~/features/dashboard/attention.server.ts";
import { Timeline } from "~/features/history/ui/timeline.tsx";
import { prisma } from "~/lib/db.server.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import { TimeZoneProvider } from "~/lib/use-format.ts";
import * as rootRoute from "~/root.tsx";
import * as languageRoute from "~/routes/language.ts";
import * as signup from "~/routes/signup.tsx";
import * as newOrgRoute from "~/routes/orgs.new.tsx";
import * as orgTimeZoneRoute from "~/routes/$org.time-zone.ts";
import * as membersRoute from "~/routes/$org.members.tsx";
import { createCorrectiveAction, createPartnership, unique } from "../support/factories.ts";
import { InLanguage } from "../support/i18n.tsx";
import { buildRequest, call, formErrors, signedInMember, signedInTeam, type SignedInMember } from "../support/routes.ts";
import { confirmationTokenFor, confirmLink } from "../support/signups.ts";

const DAY = 24 * 60 * 60 * 1000;
const zoneOf = async (cookie?: string) => ((await call(rootRoute.loader, "/", { cookie })).data as { timeZone: string }).timeZone;

describe("the reader's time zone", () => {
  it("changed in the header menu, is on their account and the next page's times are in it", async () => {
    const member = await signedInMember("FACTORY", "QUALITY");
    expect(await zoneOf(member.cookie)).toBe("UTC");

    const out = await call(languageRoute.action, "/language", {
      cookie: member.cookie,
      form: { intent: "timeZone", timeZone: "Asia/Shanghai", redirectTo: `/${member.org.slug}/audit` },
    });
    expect(out).toMatchObject({ status: 302, location: `/${member.org.slug}/audit` });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.user.id } })).timeZone).toBe("Asia/Shanghai");

    const zone = await zoneOf(member.cookie);
    expect(zone).toBe("Asia/Shanghai");
    const page = renderToString(
      createElement(InLanguage, {
        children: createElement(TimeZoneProvider, {
          value: zone,
          children: createElement(Timeline, {
            entries: [
              {
                id: "e1",
                at: "2026-03-05T14:07:00.000Z",
                who: "Li Wei",
                org: "Sunrise Ceramics",
                did: { key: "event.specVersion.publishUnnumbered", values: {} },
                note: null,
              },
            ],
          }),
        }),
      }),
    );
    expect(page).toContain("5 Mar 2026, 22:07 GMT+8");
  });

  it("is remembered on the browser for the signed-out pages, and a zone Intl does not know is refused", async () => {
    const out = await call(languageRoute.action, "/language", { form: { intent: "timeZone", timeZone: "Europe/Berlin", redirectTo: "/login" } });
    expect(out.headers.get("Set-Cookie")).toMatch(/^sp_tz=Europe%2FBerlin; Path=\/; Max-Age=31536000; SameSite=Lax/);
    expect(await zoneOf()).toBe("UTC");
    const withCookie = await call(rootRoute.loader, "/login", { headers: { Cookie: "sp_tz=Europe%2FBerlin" } });
    expect((withCookie.data as { timeZone: string }).timeZone).toBe("Europe/Berlin");
    const forged = await call(rootRoute.loader, "/login", { headers: { Cookie: "sp_tz=Mars%2FBase" } });
    expect((forged.data as { timeZone: string }).timeZone).toBe("UTC");

    const member = await signedInMember("IMPORTER", "OWNER");
    const refused = await call(languageRoute.action, "/language", { cookie: member.cookie, form: { intent: "timeZone", timeZone: "Mars/Base" } });
    expect(refused.status).toBe(400);
    expect(formErrors(refused).map((m) => translateMessage("zh-CN", m))).toContain("请从列出的时区中选择一个。");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.user.id } })).timeZone).toBe("UTC");
  });
});

describe("sign-up", () => {
  const form = (email: string, extra: Record<string, string> = {}) => ({
    name: "Li Wei",
    email,
    password: "a sturdy password",
    orgName: "Sunrise Ceramics",
    orgKind: "FACTORY",
    ...extra,
  });

  it("stores the zone the browser posted on the new account and its org", async () => {
    const email = `${unique("tz")}@example.com`;
    const posted = await call(signup.action, "/signup", { form: form(email, { timeZone: "Asia/Ho_Chi_Minh" }) });
    expect(posted.location).toBe("/signup/sent");
    expect((await confirmLink(await confirmationTokenFor(email), "a sturdy password")).status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { org: true } } } });
    expect(user.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(user.memberships[0]!.org.timeZone).toBe("Asia/Ho_Chi_Minh");
  });

  it("falls back to UTC when the browser sent none (no JavaScript)", async () => {
    const email = `${unique("tz")}@example.com`;
    await call(signup.action, "/signup", { form: form(email) });
    await confirmLink(await confirmationTokenFor(email), "a sturdy password");
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).timeZone).toBe("UTC");
  });

  it("refuses a zone that is not one, with a message, and records nothing", async () => {
    const email = `${unique("tz")}@example.com`;
    const refused = await call(signup.action, "/signup", { form: form(email, { timeZone: "Asia/Atlantis" }) });
    expect(refused.status).toBe(400);
    expect(formErrors(refused).map((m) => translateMessage("en", m))).toContain("Choose one of the time zones offered.");
    expect(await prisma.signupRequest.count({ where: { email } })).toBe(0);
  });
});

describe("the org's time zone", () => {
  it("is shown to its owners on the members page, and only an owner changes it", async () => {
    const team = await signedInTeam("FACTORY", ["OWNER", "QUALITY"] as const);
    const slug = team.OWNER.org.slug;
    const page = async (who: SignedInMember) =>
      (await call(membersRoute.loader, `/${slug}/members`, { cookie: who.cookie, params: { org: slug } })).data as { timeZone: string | null };
    expect((await page(team.OWNER)).timeZone).toBe("UTC");
    expect((await page(team.QUALITY)).timeZone).toBeNull();

    const refused = await call(orgTimeZoneRoute.action, `/${slug}/time-zone`, {
      cookie: team.QUALITY.cookie,
      params: { org: slug },
      form: { timeZone: "Asia/Shanghai" },
    });
    expect(refused.status).toBe(403);
    // An owner of another organization reaches no such org here.
    const outsider = await signedInMember("FACTORY", "OWNER");
    const elsewhere = await call(orgTimeZoneRoute.action, `/${slug}/time-zone`, {
      cookie: outsider.cookie,
      params: { org: slug },
      form: { timeZone: "Asia/Shanghai" },
    });
    expect(elsewhere.status).toBe(404);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: team.OWNER.org.id } })).timeZone).toBe("UTC");
    const changed = await call(orgTimeZoneRoute.action, `/${slug}/time-zone`, {
      cookie: team.OWNER.cookie,
      params: { org: slug },
      form: { timeZone: "Asia/Shanghai" },
    });
    expect(changed).toMatchObject({ status: 302, location: `/${slug}/members` });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: team.OWNER.org.id } })).timeZone).toBe("Asia/Shanghai");
    const bad = await call(orgTimeZoneRoute.action, `/${slug}/time-zone`, {
      cookie: team.OWNER.cookie,
      params: { org: slug },
      form: { timeZone: "Asia/Nowhere" },
    });
    expect(bad.status).toBe(400);
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: team.OWNER.org.id } })).timeZone).toBe("Asia/Shanghai");
  });

  it("is its creator's for a new org", async () => {
    const member = await signedInMember("IMPORTER", "OWNER");
    await prisma.user.update({ where: { id: member.user.id }, data: { timeZone: "Europe/Berlin" } });
    const out = await call(newOrgRoute.action, "/orgs/new", {
      cookie: member.cookie,
      form: { name: `Berlin Buying ${unique("o")}`, kind: "IMPORTER", locale: "en" },
    });
    expect(out.status).toBe(302);
    const org = await prisma.organization.findFirstOrThrow({ where: { memberships: { some: { userId: member.user.id } }, id: { not: member.org.id } } });
    expect(org.timeZone).toBe("Europe/Berlin");
  });
});

describe("overdue, by the end of the day in the factory's zone", () => {
  // Day D ends at 16:00 UTC in Shanghai and at 08:00 UTC the next day in Los Angeles (PST):
  // at 20:00 UTC on D, a plan due on D is late in Shanghai and not yet in Los Angeles.
  const D = Date.UTC(2031, 0, 15);
  const NOW = new Date(D + 20 * 60 * 60 * 1000);

  async function world() {
    const importer = await signedInMember("IMPORTER", "OWNER");
    const shanghai = await signedInMember("FACTORY", "OWNER");
    const losAngeles = await signedInMember("FACTORY", "OWNER");
    await prisma.organization.update({ where: { id: shanghai.org.id }, data: { timeZone: "Asia/Shanghai" } });
    await prisma.organization.update({ where: { id: losAngeles.org.id }, data: { timeZone: "America/Los_Angeles" } });
    for (const factory of [shanghai, losAngeles]) await createPartnership(importer.org.id, factory.org.id, "ACTIVE");
    const due = new Date(D);
    const inShanghai = await createCorrectiveAction(importer.org, shanghai.org, { title: "Glaze cracks", planDueAt: due });
    const inLosAngeles = await createCorrectiveAction(importer.org, losAngeles.org, { title: "Loose lids", planDueAt: due });
    const itemInShanghai = await createCorrectiveAction(importer.org, shanghai.org, {
      status: "PLAN_ACCEPTED",
      planDueAt: new Date(D - 9 * DAY),
      items: [{ dueAt: due }],
    });
    return { importer, shanghai, losAngeles, inShanghai, inLosAngeles, itemInShanghai };
  }

  const ctxOf = (who: SignedInMember) => requireMembership(buildRequest(`/${who.org.slug}`, { cookie: who.cookie }), who.org.slug);

  it("marks the importer's list and its overdue filter per factory", async () => {
    const w = await world();
    const ctx = await ctxOf(w.importer);
    const list = await listCorrectiveActions(ctx, { page: 1, pageSize: 50 }, NOW);
    const overdue = Object.fromEntries(list.items.map((ca) => [ca.id, ca.overdue]));
    expect(overdue).toEqual({ [w.inShanghai.id]: true, [w.inLosAngeles.id]: false, [w.itemInShanghai.id]: true });
    expect(list.items.find((ca) => ca.id === w.inShanghai.id)?.dueTimeZone).toBe("Asia/Shanghai");

    const onlyLate = await listCorrectiveActions(ctx, { overdue: true, page: 1, pageSize: 50 }, NOW);
    expect(onlyLate.items.map((ca) => ca.id).sort()).toEqual([w.inShanghai.id, w.itemInShanghai.id].sort());
    // Once the day has ended in Los Angeles too, both are late.
    const later = await listCorrectiveActions(ctx, { overdue: true, page: 1, pageSize: 50 }, new Date(D + DAY + 8 * 60 * 60 * 1000));
    expect(later.items).toHaveLength(3);
  });

  it("marks the dashboards of both sides per factory", async () => {
    const w = await world();
    const importer = await getDashboard(await ctxOf(w.importer), NOW);
    const late = importer.attention.groups.find((g) => g.key === "overdue-partners");
    expect(late?.items.map((item) => item.id)).toEqual([w.shanghai.org.id]);

    const shanghai = await getDashboard(await ctxOf(w.shanghai), NOW);
    const toAnswer = shanghai.attention.groups.find((g) => g.key === "corrective-actions-to-answer");
    expect(toAnswer?.items.find((item) => item.id === w.inShanghai.id)?.overdue).toBe(true);
    const losAngeles = await getDashboard(await ctxOf(w.losAngeles), NOW);
    expect(
      losAngeles.attention.groups.find((g) => g.key === "corrective-actions-to-answer")?.items.find((item) => item.id === w.inLosAngeles.id)?.overdue,
    ).toBe(false);
  });
});
