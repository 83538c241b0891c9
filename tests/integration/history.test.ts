// Every record's history, through the real route loaders and actions: the spec version, first
// article and corrective action pages show who did what and when with the note they gave, each
// side seeing only what happened on its side; and the owners' audit log with its filters,
// pages and CSV, refused to everyone else.
import { beforeAll, describe, expect, it } from "vitest";
import type { Change } from "~/features/history/changes.ts";
import type { TimelineEntry } from "~/features/history/history.server.ts";
import { firstArticleHistory, specVersionHistory } from "~/features/history/history.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { requireMembership } from "~/lib/tenant.server.ts";
import * as auditCsvRoute from "~/routes/$org.audit.csv.ts";
import * as auditRoute from "~/routes/$org.audit.tsx";
import * as caRoute from "~/routes/$org.corrective-actions.$caId._index.tsx";
import * as faRoute from "~/routes/$org.first-articles.$faId._index.tsx";
import * as specRoute from "~/routes/$org.specs.$specId._index.tsx";
import * as versionRoute from "~/routes/$org.specs.$specId.v.$number._index.tsx";
import * as orgRoute from "~/routes/$org.tsx";
import { createCorrectiveAction, createFirstArticle, createFirstArticlePhoto, createPartnership, createSpec } from "../support/factories.ts";
import { expectAllNotFound, type Probe } from "../support/isolation.ts";
import { sentenceIn } from "../support/history.ts";
import { buildRequest, call, signedInMember, type SignedInMember, signedInTeam } from "../support/routes.ts";

const QUESTION = "Which clay body for the lid: stoneware or porcelain?";
const REASON = "Burr on the rim of sample 1: deburr before glazing.";
const ACCEPT_COMMENT = "Good plan: go ahead, and send the kiln log with the next lot.";

const historyOf = (data: unknown) => (data as { history: TimelineEntry[] }).history;
const said = (entries: TimelineEntry[]) => entries.map((e) => sentenceIn("en", e));

async function world() {
  const importer = await signedInTeam("IMPORTER", ["OWNER", "QUALITY", "MEMBER"]);
  const factoryA = await signedInTeam("FACTORY", ["OWNER", "QUALITY"]);
  const factoryB = await signedInMember("FACTORY", "QUALITY");
  const stranger = await signedInMember("IMPORTER", "OWNER");
  const imp = importer.QUALITY;
  const a = factoryA.QUALITY;
  for (const f of [a, factoryB]) await createPartnership(imp.org.id, f.org.id, "ACTIVE");
  const { spec, version } = await createSpec(imp.org.id, { draft: true, title: "Kettle lid" });
  const key = (await prisma.characteristic.findFirstOrThrow({ where: { versionId: version.id } })).key;

  const specParams = (who: SignedInMember) => ({ org: who.org.slug, specId: spec.id });
  const versionParams = (who: SignedInMember) => ({ ...specParams(who), number: "1" });
  const versionUrl = (who: SignedInMember) => `/${who.org.slug}/specs/${spec.id}/v/1`;
  const versionAction = (who: SignedInMember, form: Record<string, string>) =>
    call(versionRoute.action, versionUrl(who), { cookie: who.cookie, params: versionParams(who), form });
  const versionPage = (who: SignedInMember) => call(versionRoute.loader, versionUrl(who), { cookie: who.cookie, params: versionParams(who) });

  expect(
    (
      await call(specRoute.action, `/${imp.org.slug}/specs/${spec.id}`, {
        cookie: imp.cookie,
        params: specParams(imp),
        form: { intent: "share", factoryIds: [a.org.id, factoryB.org.id] },
      })
    ).status,
  ).toBe(302);
  expect((await versionAction(imp, { intent: "publish" })).status).toBe(302);
  expect((await versionAction(a, { intent: "acknowledge" })).status).toBe(302);
  expect((await versionAction(factoryB, { intent: "query", question: QUESTION })).status).toBe(302);

  // Factory A's first article of the version: submitted, rejected with a reason, round 2 started.
  const fa = await createFirstArticle(imp.org, a.org, spec, version, { status: "DRAFT", sampleCount: 1, createdById: a.user.id });
  await createFirstArticlePhoto(fa);
  const faUrl = (who: SignedInMember, id: string) => `/${who.org.slug}/first-articles/${id}`;
  const faAction = (who: SignedInMember, id: string, form: Record<string, string>) =>
    call(faRoute.action, faUrl(who, id), { cookie: who.cookie, params: { org: who.org.slug, faId: id }, form });
  const faPage = (who: SignedInMember, id: string) => call(faRoute.loader, faUrl(who, id), { cookie: who.cookie, params: { org: who.org.slug, faId: id } });
  const header = { poNumber: fa.poNumber, lotNumber: "", quantityProduced: "1000", sampleCount: "1", inspectedOn: "2025-03-01", notes: "" };
  expect((await faAction(a, fa.id, { intent: "submit", ...header, [`m.${key}.1`]: "95.1" })).status).toBe(302);
  const revision = String((await prisma.firstArticle.findUniqueOrThrow({ where: { id: fa.id } })).revision);
  expect((await faAction(imp, fa.id, { intent: "decide", decision: "REJECTED", note: REASON, revision })).status).toBe(302);
  expect((await faAction(a, fa.id, { intent: "next-round" })).status).toBe(302);
  const round2 = await prisma.firstArticle.findFirstOrThrow({ where: { seriesId: fa.seriesId, round: 2 } });

  // A plan the importer accepts with a comment.
  const ca = await createCorrectiveAction(imp.org, a.org, { status: "PLAN_SUBMITTED" });
  const caUrl = (who: SignedInMember) => `/${who.org.slug}/corrective-actions/${ca.id}`;
  const caPage = (who: SignedInMember) => call(caRoute.loader, caUrl(who), { cookie: who.cookie, params: { org: who.org.slug, caId: ca.id } });
  expect(
    (
      await call(caRoute.action, caUrl(imp), {
        cookie: imp.cookie,
        params: { org: imp.org.slug, caId: ca.id },
        form: { intent: "review", decision: "accept", note: ACCEPT_COMMENT },
      })
    ).status,
  ).toBe(302);

  return { importer, imp, factoryA, a, factoryB, stranger, spec, version, fa, round2, ca, versionPage, faPage, caPage };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe("a spec version's history", () => {
  it("shows the importer the publication, every share and each factory's answer with its question", async () => {
    const page = await w.versionPage(w.imp);
    expect(page.status).toBe(200);
    const [imp, a, b] = [w.imp, w.a, w.factoryB];
    expect(said(historyOf(page.data))).toEqual([
      `${imp.user.name} (${imp.org.name}) shared the specification with ${a.org.name}`,
      `${imp.user.name} (${imp.org.name}) shared the specification with ${b.org.name}`,
      `${imp.user.name} (${imp.org.name}) published version 1`,
      `${a.user.name} (${a.org.name}) acknowledged this version`,
      `${b.user.name} (${b.org.name}) queried this version | Question: ${QUESTION}`,
    ]);
    for (const entry of historyOf(page.data)) expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("shows a factory only its side: the publication, its own share and answer, never another factory's", async () => {
    const page = await w.versionPage(w.a);
    expect(page.status).toBe(200);
    const history = historyOf(page.data);
    expect(said(history)).toEqual([
      `${w.imp.user.name} (${w.imp.org.name}) shared the specification with ${w.a.org.name}`,
      `${w.imp.user.name} (${w.imp.org.name}) published version 1`,
      `${w.a.user.name} (${w.a.org.name}) acknowledged this version`,
    ]);
    expect(JSON.stringify(history)).not.toContain(w.factoryB.org.name);
    expect(JSON.stringify(history)).not.toContain(QUESTION);
  });

  it("is empty for a reader who may not read the version, and the page answers another tenant 404", async () => {
    const ctx = await requireMembership(buildRequest("/", { cookie: w.stranger.cookie }), w.stranger.org.slug);
    expect(await specVersionHistory(ctx, w.version.id)).toEqual([]);
    expect((await w.versionPage(w.stranger)).status).toBe(404);
  });
});

describe("a first article's history", () => {
  it("shows both sides the submission and the rejection with its reason", async () => {
    for (const who of [w.imp, w.a]) {
      const page = await w.faPage(who, w.fa.id);
      expect(page.status).toBe(200);
      expect(said(historyOf(page.data))).toEqual([
        `${w.a.user.name} (${w.a.org.name}) submitted it for review`,
        `${w.imp.user.name} (${w.imp.org.name}) rejected it | Reason: ${REASON}`,
      ]);
    }
  });

  it("keeps the factory's draft work its own: round 2's start is in its history, the importer cannot read the draft", async () => {
    const page = await w.faPage(w.a, w.round2.id);
    expect(said(historyOf(page.data))).toEqual([`${w.a.user.name} (${w.a.org.name}) started round 2`]);
    expect((await w.faPage(w.imp, w.round2.id)).status).toBe(404);
    const importerCtx = await requireMembership(buildRequest("/", { cookie: w.imp.cookie }), w.imp.org.slug);
    expect(await firstArticleHistory(importerCtx, w.round2.id)).toEqual([]);
  });

  it("answers a factory that is not the first article's, and another tenant, 404 with nothing of it", async () => {
    for (const who of [w.factoryB, w.stranger]) {
      const page = await w.faPage(who, w.fa.id);
      expect(page.status).toBe(404);
      expect(JSON.stringify(page.data)).not.toContain(REASON);
    }
  });
});

describe("a corrective action's history", () => {
  it("shows both sides the accepted plan with the reviewer's comment", async () => {
    for (const who of [w.imp, w.a]) {
      const page = await w.caPage(who);
      expect(page.status).toBe(200);
      expect(said(historyOf(page.data))).toEqual([`${w.imp.user.name} (${w.imp.org.name}) accepted the plan | Comment: ${ACCEPT_COMMENT}`]);
    }
  });

  it("answers another factory and another tenant 404 with nothing of it", async () => {
    for (const who of [w.factoryB, w.stranger]) {
      const page = await w.caPage(who);
      expect(page.status).toBe(404);
      expect(JSON.stringify(page.data)).not.toContain(ACCEPT_COMMENT);
    }
  });
});

type AuditPage = {
  list: { items: { id: string; action: string; subjectType: string; who: string; changes: Change[] }[]; page: number; pageCount: number; total: number };
  typed: Record<string, string>;
  problems: { from?: string; to?: string };
  choices: { who: { value: string }[]; action: { value: string }[]; type: { value: string }[] };
};
const auditPage = (who: SignedInMember, query = "", slug = who.org.slug) =>
  call(auditRoute.loader, `/${slug}/audit${query}`, { cookie: who.cookie, params: { org: slug } });
const auditCsv = (who: SignedInMember, query = "", slug = who.org.slug) =>
  call(auditCsvRoute.loader, `/${slug}/audit/csv${query}`, { cookie: who.cookie, params: { org: slug } });
const items = async (who: SignedInMember, query = "") => {
  const out = await auditPage(who, query);
  expect(out.status, query).toBe(200);
  return (out.data as AuditPage).list.items;
};

describe("the audit log", () => {
  it("lists the owner every event logged on the org's side, newest first, and only those", async () => {
    const owner = w.importer.OWNER;
    const rows = await items(owner, "?size=100");
    const logged = await prisma.auditEvent.findMany({ where: { orgId: owner.org.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(rows.map((r) => r.id)).toEqual(logged.map((e) => e.id));
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(["spec.share", "specVersion.publish", "specVersion.query", "firstArticle.decide", "correctiveAction.accept-plan"]),
    );
    // The factory's owner reads its own log: its answer and its draft's start, not the other factory's question.
    const factoryRows = await items(w.factoryA.OWNER, "?size=100");
    expect(factoryRows.map((r) => r.action)).toEqual(expect.arrayContaining(["specVersion.acknowledge", "firstArticle.create", "firstArticle.decide"]));
    expect(factoryRows.map((r) => r.action)).not.toContain("specVersion.query");
    expect(factoryRows.map((r) => r.action)).not.toContain("spec.share");
  });

  it("filters by who, what, record type and dates", async () => {
    const owner = w.importer.OWNER;
    expect((await items(owner, "?what=firstArticle.decide")).map((r) => r.action)).toEqual(["firstArticle.decide"]);
    expect(new Set((await items(owner, "?type=Spec")).map((r) => r.action))).toEqual(new Set(["spec.share"]));
    const byB = await items(owner, `?who=${w.factoryB.user.id}`);
    expect(byB.map((r) => r.action)).toEqual(["specVersion.query"]);
    // The change set comes as data, the question as the factory typed it, for the page to put in the reader's words.
    expect(byB[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: "status", from: null, to: "QUERIED" },
        { field: "question", from: null, to: QUESTION },
      ]),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect((await items(owner, `?from=${today}&to=${today}&size=100`)).length).toBeGreaterThanOrEqual(6);
    expect(await items(owner, "?from=2001-01-01&to=2001-12-31")).toEqual([]);
    const choices = ((await auditPage(owner)).data as AuditPage).choices;
    expect(choices.who.map((c) => c.value)).toEqual(expect.arrayContaining([w.imp.user.id, w.a.user.id, w.factoryB.user.id]));
    expect(choices.type.map((c) => c.value)).toEqual(expect.arrayContaining(["Spec", "SpecVersion", "FirstArticle", "CorrectiveAction"]));
  });

  it("pages through a long log without repeating or losing an event", async () => {
    const owner = w.importer.OWNER;
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        orgId: owner.org.id,
        actorId: owner.user.id,
        action: "membership.change-role",
        subjectType: "Membership",
        subjectId: `m-${i}`,
        createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)),
      })),
    });
    const query = "?what=membership.change-role&size=10";
    const pages = [await auditPage(owner, `${query}&page=1`), await auditPage(owner, `${query}&page=2`), await auditPage(owner, `${query}&page=3`)];
    const seen = pages.map((p) => (p.data as AuditPage).list);
    expect(seen.map((l) => l.items.length)).toEqual([10, 10, 5]);
    expect(seen[0]!.pageCount).toBe(3);
    expect(new Set(seen.flatMap((l) => l.items.map((r) => r.id))).size).toBe(25);
  });

  it("exports the filtered log as CSV", async () => {
    const out = await auditCsv(w.importer.OWNER, "?what=specVersion.query");
    expect(out.status).toBe(200);
    expect(out.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(out.headers.get("Content-Disposition")).toMatch(/^attachment; filename="audit-log-[A-Za-z0-9._-]+\.csv"$/);
    const lines = String(out.data).trim().split("\r\n");
    expect(lines[0]).toBe("Time (UTC),Who,Email,What,Action code,Record type,Record ID,Changes");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      `${w.factoryB.user.name},${w.factoryB.user.email},Specification version queried,specVersion.query,Specification version,${w.version.id}`,
    );
    expect(lines[1]).toContain("Which clay body");
    expect(lines[1]).toContain("Status: queried; Question: Which clay body");
  });

  it("exports in the requester's language: the headers, what each event was, and why a filter was refused", async () => {
    const reader = await signedInMember("IMPORTER", "OWNER", w.importer.OWNER.org);
    await prisma.user.update({ where: { id: reader.user.id }, data: { locale: "zh-CN" } });
    const lines = String((await auditCsv(reader, "?what=specVersion.query")).data)
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("时间（UTC）,操作人,电子邮箱,操作,操作代码,记录类型,记录编号,变更");
    expect(lines[1]).toContain(`${w.factoryB.user.email},对规格书版本提出疑问,specVersion.query,规格书版本,${w.version.id}`);
    expect(lines[1]).toContain("状态：有疑问; 问题：Which clay body");
    const refused = await auditCsv(reader, "?from=yesterday&to=2025-02-30");
    expect(refused.status).toBe(400);
    expect(refused.data).toBe("请按 YYYY-MM-DD 格式填写开始日期。 结束日期 2025-02-30 不存在。");
    const page = (await auditPage(reader, "?type=FirstArticle")).data as AuditPage;
    expect(page.list.items.map((r) => (r as unknown as { typeLabel: string }).typeLabel)).toContain("首件检验");
  });

  it("answers hostile filters with a clear 400 that keeps what was typed, or a clean empty page, never a 500", async () => {
    const owner = w.importer.OWNER;
    for (const [query, field] of [
      ["?from=2025-13-45", "from"],
      ["?from=yesterday", "from"],
      ["?to=1999-01-01", "to"],
      ["?from=2025-03-10&to=2025-03-01", "to"],
    ] as const) {
      const out = await auditPage(owner, query);
      expect(out.status, query).toBe(400);
      const page = out.data as AuditPage;
      expect(page.problems[field], query).toBeTruthy();
      expect(page.list.items).toEqual([]);
      expect(Object.values(page.typed)).toContain(new URLSearchParams(query).get(field));
      expect((await auditCsv(owner, query)).status, `csv ${query}`).toBe(400);
    }
    for (const query of [
      "?page=999999999999999",
      "?page=-4&size=7",
      "?what=%3Cscript%3E",
      "?type=Spec%00",
      "?who=%27%3B%20DROP%20TABLE",
      `?what=${"x".repeat(5000)}`,
    ]) {
      const out = await auditPage(owner, query);
      expect(out.status, query).toBe(200);
    }
    expect(await items(owner, "?page=999999999999999")).toEqual([]);
    expect(await items(owner, "?what=%3Cscript%3E")).toEqual([]);
  });

  it("is refused to members who are not owners (403), and its link is shown to owners only", async () => {
    for (const who of [w.importer.QUALITY, w.importer.MEMBER, w.factoryA.QUALITY]) {
      expect((await auditPage(who)).status).toBe(403);
      expect((await auditCsv(who)).status).toBe(403);
    }
    const layout = (who: SignedInMember) => call(orgRoute.loader, `/${who.org.slug}`, { cookie: who.cookie, params: { org: who.org.slug } });
    expect(((await layout(w.importer.OWNER)).data as { can: { readAuditLog: boolean } }).can.readAuditLog).toBe(true);
    expect(((await layout(w.importer.QUALITY)).data as { can: { readAuditLog: boolean } }).can.readAuditLog).toBe(false);
  });

  it("answers other tenants 404 with nothing of the log, and shows them only their own", async () => {
    const owner = w.importer.OWNER;
    const probes: Probe[] = [
      { label: "audit page", run: (slug, cookie) => call(auditRoute.loader, `/${slug}/audit`, { cookie, params: { org: slug } }) },
      { label: "audit csv", run: (slug, cookie) => call(auditCsvRoute.loader, `/${slug}/audit/csv`, { cookie, params: { org: slug } }) },
    ];
    // Another tenant, and the importer's own partner factory's owner, through the importer's org.
    for (const outsider of [w.stranger, w.factoryA.OWNER]) await expectAllNotFound(probes, owner.org.slug, outsider.cookie, [QUESTION, w.spec.id]);
    const strangers = await items(w.stranger, "?size=100");
    const importerIds = new Set((await prisma.auditEvent.findMany({ where: { orgId: owner.org.id }, select: { id: true } })).map((e) => e.id));
    expect(strangers.filter((r) => importerIds.has(r.id))).toEqual([]);
  });
});
