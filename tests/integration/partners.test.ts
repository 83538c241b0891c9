import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import * as invitationRoute from "~/routes/invitations.$token.tsx";
import * as partners from "~/routes/$org.partners.tsx";
import { createMember, createOrg, createPartnership, createUser, unique } from "../support/factories.ts";
import { call, cookieFor, formErrors, inEnglish } from "../support/routes.ts";

async function importerOwner() {
  const { user, org } = await createMember("IMPORTER", "OWNER");
  return { user, org, cookie: await cookieFor(user.id) };
}

const partnersAction = (org: { slug: string }, cookie: string, form: Record<string, string>) =>
  call(partners.action, `/${org.slug}/partners`, { cookie, params: { org: org.slug }, form });

/** Invites a factory and returns the token from the queued email's link. */
async function invite(importer: Awaited<ReturnType<typeof importerOwner>>, email = `${unique("factory")}@example.com`) {
  const out = await partnersAction(importer.org, importer.cookie, { intent: "invite", email, locale: "zh" });
  expect(out.status).toBe(302);
  const email_ = await prisma.outboxEmail.findFirstOrThrow({ where: { orgId: importer.org.id, to: email }, orderBy: { createdAt: "desc" } });
  const token = (email_.data as { acceptUrl: string }).acceptUrl.split("/").pop()!;
  return { token, email, outbox: email_ };
}

const accept = async (token: string, cookie: string, form: Record<string, string>) =>
  call(invitationRoute.action, `/invitations/${token}`, { cookie, params: { token }, form });

describe("partnership invitations", () => {
  it("an importer owner invites a factory: INVITED partnership, email in the invitee's language, audit event", async () => {
    const importer = await importerOwner();
    const { outbox } = await invite(importer);
    expect(outbox.template).toBe("partner-invitation");
    expect(outbox.locale).toBe("zh-CN");
    const partnership = await prisma.partnership.findFirstOrThrow({ where: { importerId: importer.org.id } });
    expect(partnership.status).toBe("INVITED");
    expect(partnership.factoryId).toBeNull();
    expect(await prisma.auditEvent.count({ where: { orgId: importer.org.id, action: "partnership.invite" } })).toBe(1);
  });

  it("the invitee creates a factory org on acceptance; both sides then see the active partnership", async () => {
    const importer = await importerOwner();
    const { token } = await invite(importer);
    const invitee = await createUser();
    const inviteeCookie = await cookieFor(invitee.id);
    const out = await accept(token, inviteeCookie, { factory: "new", factoryName: "Guangzhou Kettles" });
    expect(out.status).toBe(302);
    const factory = await prisma.organization.findFirstOrThrow({ where: { memberships: { some: { userId: invitee.id, role: "OWNER" } } } });
    expect(factory.kind).toBe("FACTORY");
    expect(out.location).toBe(`/${factory.slug}/partners`);

    const importerView = await call(partners.loader, `/${importer.org.slug}/partners`, { cookie: importer.cookie, params: { org: importer.org.slug } });
    const factoryView = await call(partners.loader, `/${factory.slug}/partners`, { cookie: inviteeCookie, params: { org: factory.slug } });
    type List = { partnerships: { items: { status: string; factory: { id: string } | null; importer: { id: string } }[] } };
    const seenByImporter = (importerView.data as List).partnerships.items;
    const seenByFactory = (factoryView.data as List).partnerships.items;
    expect(seenByImporter).toHaveLength(1);
    expect(seenByImporter[0]).toMatchObject({ status: "ACTIVE", factory: { id: factory.id } });
    expect(seenByFactory).toHaveLength(1);
    expect(seenByFactory[0]).toMatchObject({ status: "ACTIVE", importer: { id: importer.org.id } });
    expect(await prisma.auditEvent.count({ where: { action: "partnership.accept", orgId: { in: [importer.org.id, factory.id] } } })).toBe(2);
  });

  it("the invitee may bring a factory they own instead", async () => {
    const importer = await importerOwner();
    const { token } = await invite(importer);
    const factoryOwner = await createMember("FACTORY", "OWNER");
    const out = await accept(token, await cookieFor(factoryOwner.user.id), { factory: "existing", factoryOrgId: factoryOwner.org.id });
    expect(out.status).toBe(302);
    const partnership = await prisma.partnership.findFirstOrThrow({ where: { importerId: importer.org.id } });
    expect(partnership).toMatchObject({ status: "ACTIVE", factoryId: factoryOwner.org.id });
  });

  it("a factory the invitee does not own cannot be brought in", async () => {
    const importer = await importerOwner();
    const { token } = await invite(importer);
    const someoneElses = await createOrg("FACTORY");
    const qc = await createMember("FACTORY", "QUALITY");
    for (const factoryOrgId of [someoneElses.id, qc.org.id]) {
      const out = await accept(token, await cookieFor(qc.user.id), { factory: "existing", factoryOrgId });
      expect(out.status).toBe(403);
    }
    expect((await prisma.partnership.findFirstOrThrow({ where: { importerId: importer.org.id } })).status).toBe("INVITED");
  });

  it("an invitation link works once", async () => {
    const importer = await importerOwner();
    const { token } = await invite(importer);
    const first = await accept(token, await cookieFor((await createUser()).id), { factory: "new", factoryName: "First Factory" });
    expect(first.status).toBe(302);
    const second = await accept(token, await cookieFor((await createUser()).id), { factory: "new", factoryName: "Second Factory" });
    expect(second.status).toBe(410);
    expect(inEnglish(formErrors(second)).join()).toMatch(/no longer valid/);
    // The refusal travels as a catalogue key: a Chinese reader's page writes it in Chinese.
    const refusal = (second.data as { result: { error: Record<string, string[]> } }).result.error[""]![0]!;
    expect(translateMessage("zh-CN", refusal)).toBe("此邀请链接已失效：它已被使用、撤销或已过期。");
    expect(await prisma.organization.count({ where: { name: "Second Factory" } })).toBe(0);
  });

  it("an expired invitation cannot be accepted", async () => {
    const importer = await importerOwner();
    const { token } = await invite(importer);
    await prisma.invitation.updateMany({ where: { orgId: importer.org.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const out = await accept(token, await cookieFor((await createUser()).id), { factory: "new", factoryName: "Late Factory" });
    expect(out.status).toBe(410);
  });

  it("accepting needs a factory name or a choice, and says so", async () => {
    const importer = await importerOwner();
    const { token } = await invite(importer);
    const cookie = await cookieFor((await createUser()).id);
    const noName = await accept(token, cookie, { factory: "new", factoryName: "" });
    expect(noName.status).toBe(400);
    const noChoice = await accept(token, cookie, {});
    expect(noChoice.status).toBe(400);
    expect(inEnglish(formErrors(noChoice)).join()).toMatch(/Choose/);
  });

  it("re-inviting the same address replaces the pending invitation", async () => {
    const importer = await importerOwner();
    const email = `${unique("again")}@example.com`;
    const first = await invite(importer, email);
    await invite(importer, email);
    const out = await accept(first.token, await cookieFor((await createUser()).id), { factory: "new", factoryName: "Stale Link Co" });
    expect(out.status).toBe(410);
    const statuses = await prisma.partnership.findMany({ where: { importerId: importer.org.id }, select: { status: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["ENDED", "INVITED"]);
  });

  it("a factory already partnered with the importer cannot be added twice", async () => {
    const importer = await importerOwner();
    const factoryOwner = await createMember("FACTORY", "OWNER");
    await createPartnership(importer.org.id, factoryOwner.org.id, "ACTIVE");
    const { token } = await invite(importer);
    const out = await accept(token, await cookieFor(factoryOwner.user.id), { factory: "existing", factoryOrgId: factoryOwner.org.id });
    expect(out.status).toBe(409);
  });
});

describe("ending a partnership", () => {
  it("an importer owner ends it; the history stays and both orgs get an audit event", async () => {
    const importer = await importerOwner();
    const factory = await createOrg("FACTORY");
    const partnership = await createPartnership(importer.org.id, factory.id, "ACTIVE");
    const out = await partnersAction(importer.org, importer.cookie, { intent: "end", partnershipId: partnership.id });
    expect(out.status).toBe(302);
    const ended = await prisma.partnership.findUniqueOrThrow({ where: { id: partnership.id } });
    expect(ended.status).toBe("ENDED");
    expect(ended.endedById).toBe(importer.user.id);
    expect(await prisma.auditEvent.count({ where: { subjectId: partnership.id, action: "partnership.end" } })).toBe(2);
    const again = await partnersAction(importer.org, importer.cookie, { intent: "end", partnershipId: partnership.id });
    expect(again.status).toBe(409);
  });

  it("the factory's owner cannot end it (403) and nobody else's partnership can be touched (404)", async () => {
    const importer = await importerOwner();
    const factoryOwner = await createMember("FACTORY", "OWNER");
    const partnership = await createPartnership(importer.org.id, factoryOwner.org.id, "ACTIVE");
    const asFactory = await partnersAction(factoryOwner.org, await cookieFor(factoryOwner.user.id), { intent: "end", partnershipId: partnership.id });
    expect(asFactory.status).toBe(403);
    const otherImporter = await importerOwner();
    const asStranger = await partnersAction(otherImporter.org, otherImporter.cookie, { intent: "end", partnershipId: partnership.id });
    expect(asStranger.status).toBe(404);
    expect((await prisma.partnership.findUniqueOrThrow({ where: { id: partnership.id } })).status).toBe("ACTIVE");
  });

  for (const role of ["QUALITY", "MEMBER", "VIEWER"] as const) {
    it(`an importer ${role.toLowerCase()} can see partners but neither invite nor end (403)`, async () => {
      const importer = await importerOwner();
      const actor = await createMember("IMPORTER", role, importer.org);
      const cookie = await cookieFor(actor.user.id);
      const partnership = await createPartnership(importer.org.id, (await createOrg("FACTORY")).id, "ACTIVE");
      const list = await call(partners.loader, `/${importer.org.slug}/partners`, { cookie, params: { org: importer.org.slug } });
      expect((list.data as { partnerships: { total: number } }).partnerships.total).toBe(1);
      const inviteOut = await partnersAction(importer.org, cookie, { intent: "invite", email: `${unique("f")}@example.com` });
      const endOut = await partnersAction(importer.org, cookie, { intent: "end", partnershipId: partnership.id });
      expect([inviteOut.status, endOut.status]).toEqual([403, 403]);
    });
  }

  it("a factory cannot invite partners (403)", async () => {
    const factoryOwner = await createMember("FACTORY", "OWNER");
    const out = await partnersAction(factoryOwner.org, await cookieFor(factoryOwner.user.id), { intent: "invite", email: `${unique("i")}@example.com` });
    expect(out.status).toBe(403);
  });

  it("lists filter by status and ignore a made-up status", async () => {
    const importer = await importerOwner();
    await createPartnership(importer.org.id, (await createOrg("FACTORY")).id, "ACTIVE");
    await createPartnership(importer.org.id, (await createOrg("FACTORY")).id, "ENDED");
    const path = (q: string) => `/${importer.org.slug}/partners${q}`;
    const active = await call(partners.loader, path("?status=ACTIVE"), { cookie: importer.cookie, params: { org: importer.org.slug } });
    const bogus = await call(partners.loader, path("?status=%27;drop&page=-4"), { cookie: importer.cookie, params: { org: importer.org.slug } });
    expect((active.data as { partnerships: { total: number } }).partnerships.total).toBe(1);
    expect((bogus.data as { partnerships: { total: number; page: number } }).partnerships).toMatchObject({ total: 2, page: 1 });
  });
});
