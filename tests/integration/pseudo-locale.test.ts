// Every page of both sides, rendered by the app's own request handler for readers of the
// pseudo-locale (en-XA): any plain English left on a page, outside the ⟦…⟧ of the catalogues,
// is text that bypassed them, unless it is the people's own data (names, codes, notes), the
// product's name or a unit. The pages come from the app's route config, so a new page fails
// here until it is given a URL below.
import { matchRoutes, type RouteObject } from "react-router-dom";
import { Window } from "happy-dom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGE_NAMES, PSEUDO_LANGUAGE } from "~/lib/i18n/languages.ts";
import { prisma } from "~/lib/db.server.ts";
import { appRoutes, requestPage, type AppRoute } from "../support/app-handler.ts";
import { seedEveryKind, type EveryKind } from "../support/every-kind-seed.ts";
import { isDataOf, textOutsideCatalogues } from "../support/i18n.tsx";

/** Routes that answer no page of their own, and why. */
const NOT_PAGES: Record<string, string> = {
  "routes/$org.audit.csv": "a CSV download of the audit log",
  "routes/$org.first-articles.$faId.csv": "a CSV download of a first article's readings",
  "routes/$org.scorecards.$partnerId.csv": "a CSV download of a scorecard",
  "routes/$org.inspections.$inspectionId.csv": "a CSV download of an inspection",
  "routes/$org.files.$attachmentId": "a stored file, sent as it was uploaded",
  "routes/$org.first-articles.$faId.readings": "the JSON endpoint the readings grid saves to",
  "routes/$org.inspections.$inspectionId.save": "the JSON endpoint the inspecting sections save to as they are typed",
  "routes/dev.capture.emails": "the JSON endpoint the email sender posts to without a provider",
  "routes/dev.mailbox._index": "the developer's mailbox of captured emails (development only), not a page of the portal",
  "routes/dev.mailbox.$id": "one captured email in the developer's mailbox (development only)",
  "routes/healthz": "a health probe answering plain text",
  "routes/livez": "a liveness probe answering plain text",
  "routes/language": "the language menu's form target; a GET only redirects",
  "routes/logout": "the log-out form target; a GET only redirects",
  "routes/$org.time-zone": "the target of the org's time zone form on the members page",
};

type Reader = keyof EveryKind["people"] | null;

interface PageCase {
  url: string;
  /** Who reads it; null for a signed-out reader (who chose en-XA on the browser). */
  reader: Reader;
  status?: number;
  /** Which record it shows, for the failure message (the URL holds only its id). */
  what?: string;
}

/** The URLs that open every page, for each reader the page shows differently. */
function pageCases(s: EveryKind): PageCase[] {
  const imp = s.importer.slug;
  const fac = s.factory.slug;
  const spec = s.spec.id;
  const fa = s.firstArticles;
  const ca = s.correctiveActions;
  const insp = s.bookedInspections;
  const cases: PageCase[] = [
    // Signed out.
    { url: "/", reader: null },
    { url: "/login", reader: null },
    { url: "/signup", reader: null },
    { url: `/signup?invitation=${s.invitations.member.token}`, reader: null },
    { url: "/signup/sent", reader: null },
    { url: `/signup/confirm/${s.signupToken}`, reader: null },
    { url: "/signup/confirm/no-such-link-0123456789012345678901234567890123", reader: null, status: 404 },
    { url: `/invitations/${s.invitations.member.token}`, reader: null },
    { url: `/invitations/${s.invitations.partner.token}`, reader: null },
    { url: "/invitations/no-such-invitation-012345678901234567890123", reader: null, status: 404 },
    // Signed in, outside any org.
    { url: `/invitations/${s.invitations.member.token}`, reader: "factoryOwner" },
    { url: "/orgs/new", reader: "importerOwner" },
    // The importer.
    ...["importerOwner", "importerMember", "importerViewer"].map((reader) => ({ url: `/${imp}`, reader: reader as Reader })),
    ...["importerOwner", "importerMember"].flatMap((reader) =>
      ["specs", "first-articles", "corrective-actions"].map((list) => ({ url: `/${imp}/${list}`, reader: reader as Reader })),
    ),
    { url: `/${imp}/specs/new`, reader: "importerOwner" },
    { url: `/${imp}/specs/${spec}`, reader: "importerOwner" },
    { url: `/${imp}/specs/${spec}`, reader: "importerMember" },
    { url: `/${imp}/specs/${s.queried.spec.id}`, reader: "importerOwner", what: "queried spec" },
    { url: `/${imp}/specs/${spec}/v/1`, reader: "importerOwner" },
    { url: `/${imp}/specs/${spec}/v/2?factory=${s.factory.id}`, reader: "importerOwner" },
    { url: `/${imp}/specs/${spec}/v/2?factory=${s.factory.id}`, reader: "importerMember" },
    { url: `/${imp}/specs/${s.queried.spec.id}/v/1?factory=${s.factory.id}`, reader: "importerOwner", what: "queried spec" },
    { url: `/${imp}/specs/${spec}/v/3`, reader: "importerOwner" },
    { url: `/${imp}/specs/${spec}/v/3/edit`, reader: "importerOwner" },
    { url: `/${imp}/specs/${spec}/diff?from=1&to=2`, reader: "importerOwner" },
    { url: `/${imp}/specs/${spec}/diff?from=2&to=3`, reader: "importerOwner" },
    ...[fa.submitted, fa.approved, fa.conditional, fa.rejected].map((round) => ({
      url: `/${imp}/first-articles/${round.id}`,
      reader: "importerOwner" as Reader,
      what: round.status,
    })),
    { url: `/${imp}/first-articles/${fa.submitted.id}`, reader: "importerMember", what: "SUBMITTED" },
    { url: `/${imp}/first-articles/${fa.rejected.id}/report`, reader: "importerOwner", what: "REJECTED" },
    { url: `/${imp}/inspections/${s.reportedInspections.rejected.id}`, reader: "importerOwner", what: "REJECTED inspection" },
    { url: `/${imp}/inspections/${s.reportedInspections.rejected.id}/report`, reader: "importerOwner", what: "REJECTED inspection" },
    { url: `/${imp}/corrective-actions/new`, reader: "importerOwner" },
    { url: `/${imp}/corrective-actions/new?firstArticle=${fa.rejected.id}`, reader: "importerOwner" },
    ...Object.values(ca).map((action) => ({ url: `/${imp}/corrective-actions/${action.id}`, reader: "importerOwner" as Reader, what: action.status })),
    { url: `/${imp}/corrective-actions/${ca.planSubmitted.id}`, reader: "importerMember", what: "PLAN_SUBMITTED" },
    { url: `/${imp}/inspections`, reader: "importerOwner" },
    { url: `/${imp}/inspections`, reader: "importerMember" },
    { url: `/${imp}/inspections/new`, reader: "importerOwner" },
    { url: `/${imp}/inspections/${insp.booked.id}`, reader: "importerOwner", what: "BOOKED" },
    { url: `/${imp}/inspections/${insp.rejected.id}`, reader: "importerOwner", what: "REJECTED" },
    { url: `/${imp}/partners`, reader: "importerOwner" },
    { url: `/${imp}/partners`, reader: "importerMember" },
    { url: `/${imp}/partners/${s.partnership.id}/sampling`, reader: "importerOwner" },
    { url: `/${imp}/partners/${s.partnership.id}/sampling?spec=${spec}`, reader: "importerOwner", what: "a spec's own settings" },
    { url: `/${imp}/partners/${s.partnership.id}/sampling`, reader: "importerMember" },
    { url: `/${imp}/members`, reader: "importerOwner" },
    { url: `/${imp}/members`, reader: "importerMember" },
    { url: `/${imp}/audit`, reader: "importerOwner" },
    { url: `/${imp}/scorecards/${s.factory.id}`, reader: "importerOwner" },
    // The factory.
    { url: `/${fac}`, reader: "factoryOwner" },
    { url: `/${fac}`, reader: "factoryMember" },
    ...["factoryOwner", "factoryMember"].flatMap((reader) =>
      ["specs", "first-articles", "corrective-actions", "partners", `scorecards/${s.importer.id}`].map((list) => ({
        url: `/${fac}/${list}`,
        reader: reader as Reader,
      })),
    ),
    { url: `/${fac}/specs/${spec}`, reader: "factoryOwner" },
    { url: `/${fac}/specs/${spec}/v/1`, reader: "factoryOwner" },
    { url: `/${fac}/specs/${spec}/v/2`, reader: "factoryOwner" },
    { url: `/${fac}/specs/${spec}/v/2`, reader: "factoryMember" },
    { url: `/${fac}/specs/${s.queried.spec.id}/v/1`, reader: "factoryOwner", what: "queried spec" },
    { url: `/${fac}/specs/${spec}/diff?from=1&to=2`, reader: "factoryOwner" },
    { url: `/${fac}/first-articles/new`, reader: "factoryOwner" },
    { url: `/${fac}/first-articles/new?version=${s.versions.v2.id}`, reader: "factoryOwner" },
    ...Object.values(fa).map((round) => ({ url: `/${fac}/first-articles/${round.id}`, reader: "factoryOwner" as Reader, what: round.status })),
    { url: `/${fac}/first-articles/${fa.draft.id}`, reader: "factoryMember", what: "DRAFT" },
    { url: `/${fac}/first-articles/${fa.approved.id}/report`, reader: "factoryOwner", what: "APPROVED" },
    { url: `/${fac}/inspections/${s.reportedInspections.rejected.id}/report`, reader: "factoryOwner", what: "REJECTED inspection" },
    { url: `/${fac}/inspections/${s.reportedInspections.aborted.id}/report`, reader: "factoryMember", what: "ABORTED inspection" },
    ...Object.values(ca).map((action) => ({ url: `/${fac}/corrective-actions/${action.id}`, reader: "factoryOwner" as Reader, what: action.status })),
    { url: `/${fac}/corrective-actions/${ca.open.id}`, reader: "factoryMember", what: "OPEN" },
    { url: `/${fac}/inspections`, reader: "factoryOwner" },
    { url: `/${fac}/inspections`, reader: "factoryMember" },
    { url: `/${fac}/inspections/new`, reader: "factoryOwner" },
    { url: `/${fac}/inspections/new?reinspection-of=${insp.rejected.id}`, reader: "factoryOwner", what: "re-inspection" },
    { url: `/${fac}/inspections/${insp.booked.id}`, reader: "factoryOwner", what: "BOOKED" },
    { url: `/${fac}/members`, reader: "factoryOwner" },
    { url: `/${fac}/audit`, reader: "factoryOwner" },
    // Error pages: a record or page that is not there inside an org, an org that is not the reader's, a page the role may not open.
    { url: `/${imp}/specs/cl0000000000000000000000`, reader: "importerOwner", status: 404 },
    { url: `/${imp}/no-such-page`, reader: "importerOwner", status: 404 },
    { url: `/${imp}/specs`, reader: "factoryOwner", status: 404 },
    { url: `/${fac}/first-articles/cl0000000000000000000000`, reader: "factoryMember", status: 404 },
    { url: `/${imp}/audit`, reader: "importerMember", status: 403 },
    { url: `/${fac}/audit`, reader: "factoryMember", status: 403 },
    { url: `/${imp}/specs/new`, reader: "importerViewer", status: 403 },
    { url: `/${fac}/inspections/new`, reader: "factoryMember", status: 403 },
  ];
  return cases;
}

/** The app's routes as a route tree, to tell which one answers a URL. */
function routeTree(routes: AppRoute[], parentId: string | undefined = undefined): RouteObject[] {
  return routes
    .filter((route) => route.parentId === parentId)
    .map((route) => {
      const children = routeTree(routes, route.id);
      return (route.index ? { id: route.id, index: true, path: route.path } : { id: route.id, path: route.path, children }) as RouteObject;
    });
}

const isPage = (route: AppRoute) => "default" in route.module;

let seed: EveryKind;
let routes: AppRoute[];
let cases: PageCase[];

beforeAll(async () => {
  [seed, routes] = await Promise.all([seedEveryKind(PSEUDO_LANGUAGE), appRoutes()]);
  cases = pageCases(seed);
});

// Read as a document, never run: the pages' scripts point at a build that is not there.
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
const parser = new window.DOMParser();
afterAll(() => window.happyDOM.close());

const parse = (html: string) => parser.parseFromString(html, "text/html") as unknown as Document;

async function open(page: PageCase) {
  const cookie = page.reader ? seed.people[page.reader].cookie : `sp_lang=${PSEUDO_LANGUAGE}`;
  const response = await requestPage(page.url, { cookie });
  return { response, document: parse(await response.text()) };
}

describe("the pages checked in the pseudo-locale", () => {
  it("open every page of the app's route config, and list every route that is not a page with the reason", () => {
    const tree = routeTree(routes);
    const answering = new Set(cases.flatMap((page) => (matchRoutes(tree, page.url.split("?")[0]!) ?? []).map((match) => match.route.id!)));
    const byId = new Map(routes.map((route) => [route.id, route]));
    const withoutUrl = routes.filter((route) => isPage(route) && !NOT_PAGES[route.id] && !answering.has(route.id)).map((route) => route.id);
    expect(withoutUrl, "pages no URL opens here: add one to pageCases").toEqual([]);
    const unlisted = routes.filter((route) => !isPage(route) && !NOT_PAGES[route.id]).map((route) => route.id);
    expect(unlisted, "routes without a page (no default export): add them to NOT_PAGES with the reason").toEqual([]);
    expect(
      Object.keys(NOT_PAGES).filter((id) => !byId.has(id)),
      "routes in NOT_PAGES the app no longer has",
    ).toEqual([]);
  });

  it("show no text outside the catalogues on any page of either side, but the people's own data, the product's name and units", async () => {
    // The product's name, the units of the seeded characteristics, and each language's own name in the language menu.
    // The time zone menu lists the zones by their IANA names, which every system shows as they are.
    const zones = [...Intl.supportedValuesOf("timeZone"), "UTC"];
    const isData = isDataOf([...seed.data, "Supplier Portal", "mm", "ml", ...Object.values(LANGUAGE_NAMES), ...zones]);
    const tree = routeTree(routes);
    const problems: string[] = [];
    for (const page of cases) {
      const { response, document } = await open(page);
      const found: string[] = [];
      const expected = page.status ?? 200;
      if (response.status !== expected) found.push(`answered ${response.status}, not ${expected}`);
      const lang = document.documentElement.getAttribute("lang");
      if (lang !== PSEUDO_LANGUAGE) found.push(`<html lang="${lang}">`);
      const title = document.querySelector("title");
      if (!title) found.push("no <title>");
      const strays = [
        ...(title ? textOutsideCatalogues(title as HTMLElement, isData).map((text) => `<title> ${text}`) : []),
        ...textOutsideCatalogues(document.body, isData),
      ];
      found.push(...new Set(strays));
      const route = matchRoutes(tree, page.url.split("?")[0]!)?.at(-1)?.route.id ?? "no route";
      if (found.length)
        problems.push(
          `${page.url} [${route}${page.what ? `, ${page.what}` : ""}] (${page.reader ?? "signed out"}):\n${found.map((text) => `    ${JSON.stringify(text)}`).join("\n")}`,
        );
    }
    expect(problems, `text outside the catalogues, per page:\n${problems.join("\n")}`).toEqual([]);
  }, 60_000);

  it("show the members, partners and audit log pages in Chinese to a Chinese reader", async () => {
    const owner = seed.people.importerOwner;
    await prisma.user.update({ where: { id: owner.id }, data: { locale: "zh-CN" } });
    try {
      const headings = async (url: string) =>
        open({ url, reader: "importerOwner" }).then(({ document }) => [...document.querySelectorAll("h1, h2")].map((h) => h.textContent));
      expect(await headings(`/${seed.importer.slug}/members`)).toEqual(expect.arrayContaining(["成员", "邀请同事", "待处理的邀请"]));
      expect(await headings(`/${seed.importer.slug}/partners`)).toEqual(expect.arrayContaining(["工厂", "邀请工厂"]));
      expect(await headings(`/${seed.importer.slug}/audit`)).toEqual(expect.arrayContaining(["审计日志"]));
    } finally {
      await prisma.user.update({ where: { id: owner.id }, data: { locale: PSEUDO_LANGUAGE } });
    }
  });
});
