import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import * as invitationRoute from "~/routes/invitations.$token.tsx";
import * as members from "~/routes/$org.members.tsx";
import * as partners from "~/routes/$org.partners.tsx";
import { createInvitation, createMember, createMembership, createOrg, createPartnership, createUser, unique } from "../support/factories.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import { call, cookieFor, formErrors, inEnglish } from "../support/routes.ts";

async function ownerOf(kind: "IMPORTER" | "FACTORY") {
  const { user, org } = await createMember(kind, "OWNER");
  return { user, org, cookie: await cookieFor(user.id) };
}

const membersAction = (org: { slug: string }, cookie: string, form: Record<string, string>) =>
  call(members.action, `/${org.slug}/members`, { cookie, params: { org: org.slug }, form });

describe("members page", () => {
  it("lists the org's members for any role", async () => {
    const { org, cookie } = await ownerOf("FACTORY");
    const viewer = await createMember("FACTORY", "VIEWER", org);
    const out = await call(members.loader, `/${org.slug}/members`, { cookie: await cookieFor(viewer.user.id), params: { org: org.slug } });
    expect(out.status).toBe(200);
    const data = out.data as { members: { items: { user: { email: string } }[]; total: number }; invitations: unknown[] };
    expect(data.members.total).toBe(2);
    // Pending invitations are for owners only.
    expect(data.invitations).toEqual([]);
    void cookie;
  });

  it("an owner invites a colleague: invitation, email and audit event are written together", async () => {
    const { org, cookie } = await ownerOf("IMPORTER");
    const email = `${unique("colleague")}@example.com`;
    const out = await membersAction(org, cookie, { intent: "invite", email, role: "QUALITY", locale: "es" });
    expect(out.status).toBe(302);
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { orgId: org.id, email } });
    expect(invitation.role).toBe("QUALITY");
    expect(invitation.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const outbox = await prisma.outboxEmail.findMany({ where: { orgId: org.id, to: email } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.template).toBe("member-invitation");
    expect(outbox[0]!.locale).toBe("es");
    // The link in the email carries the token, and only its hash is stored.
    const acceptUrl = (outbox[0]!.data as { acceptUrl: string }).acceptUrl;
    expect(acceptUrl).toMatch(/^http:\/\/portal\.test\/invitations\/[\w-]{40,}$/);
    expect(acceptUrl).not.toContain(invitation.tokenHash);
    const audit = await prisma.auditEvent.findMany({ where: { orgId: org.id, action: "invitation.create" } });
    expect(audit).toHaveLength(1);
  });

  it("rejects an invitation with a bad email or an unknown role, with a message per field", async () => {
    const { org, cookie } = await ownerOf("IMPORTER");
    const out = await membersAction(org, cookie, { intent: "invite", email: "nope", role: "ADMIN" });
    expect(out.status).toBe(400);
    const errors = (out.data as { result: { error: Record<string, string[]> } }).result.error;
    expect(inEnglish(errors.email)[0]).toMatch(/valid email/);
    expect(inEnglish(errors.role)[0]).toMatch(/role/i);
    expect(translateMessage("vi", errors.role![0]!)).toBe("Hãy chọn một vai trò trong danh sách");
  });

  it("an unknown intent is a 400, not a crash", async () => {
    const { org, cookie } = await ownerOf("IMPORTER");
    const out = await membersAction(org, cookie, { intent: "drop-tables" });
    expect(out.status).toBe(400);
  });

  it("an owner changes a role and the audit event records before and after", async () => {
    const { org, cookie } = await ownerOf("FACTORY");
    const member = await createMember("FACTORY", "MEMBER", org);
    const out = await membersAction(org, cookie, { intent: "change-role", membershipId: member.membership.id, role: "QUALITY" });
    expect(out.status).toBe(302);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: member.membership.id } })).role).toBe("QUALITY");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { subjectId: member.membership.id, action: "membership.change-role" } });
    expect(event.changes).toEqual({ role: { from: "MEMBER", to: "QUALITY" } });
  });

  it("the last owner can be neither demoted nor removed", async () => {
    const { org, cookie, user } = await ownerOf("IMPORTER");
    const own = await prisma.membership.findFirstOrThrow({ where: { orgId: org.id, userId: user.id } });
    const demote = await membersAction(org, cookie, { intent: "change-role", membershipId: own.id, role: "MEMBER" });
    expect(demote.status).toBe(409);
    expect(inEnglish(formErrors(demote)).join()).toMatch(/at least one owner/);
    const remove = await membersAction(org, cookie, { intent: "remove", membershipId: own.id });
    expect(remove.status).toBe(409);
    expect((await prisma.membership.findUniqueOrThrow({ where: { id: own.id } })).role).toBe("OWNER");
  });

  it("with a second owner, an owner may step down", async () => {
    const { org, cookie, user } = await ownerOf("IMPORTER");
    await createMember("IMPORTER", "OWNER", org);
    const own = await prisma.membership.findFirstOrThrow({ where: { orgId: org.id, userId: user.id } });
    const out = await membersAction(org, cookie, { intent: "change-role", membershipId: own.id, role: "QUALITY" });
    expect(out.status).toBe(302);
  });

  it("an owner removes a member, who then cannot open the org", async () => {
    const { org, cookie } = await ownerOf("FACTORY");
    const member = await createMember("FACTORY", "MEMBER", org);
    const out = await membersAction(org, cookie, { intent: "remove", membershipId: member.membership.id });
    expect(out.status).toBe(302);
    const after = await call(members.loader, `/${org.slug}/members`, { cookie: await cookieFor(member.user.id), params: { org: org.slug } });
    expect(after.status).toBe(404);
  });

  for (const role of ["QUALITY", "MEMBER", "VIEWER"] as const) {
    it(`a ${role.toLowerCase()} cannot invite, change roles or remove members (403)`, async () => {
      const { org } = await ownerOf("IMPORTER");
      const actor = await createMember("IMPORTER", role, org);
      const target = await createMember("IMPORTER", "MEMBER", org);
      const cookie = await cookieFor(actor.user.id);
      const invite = await membersAction(org, cookie, { intent: "invite", email: `${unique("x")}@example.com`, role: "OWNER" });
      const change = await membersAction(org, cookie, { intent: "change-role", membershipId: target.membership.id, role: "OWNER" });
      const remove = await membersAction(org, cookie, { intent: "remove", membershipId: target.membership.id });
      expect([invite.status, change.status, remove.status]).toEqual([403, 403, 403]);
      expect(await prisma.invitation.count({ where: { orgId: org.id } })).toBe(0);
      expect((await prisma.membership.findUniqueOrThrow({ where: { id: target.membership.id } })).role).toBe("MEMBER");
    });
  }

  it("an owner cannot touch a membership of another org through their own org's URL (404)", async () => {
    const { org, cookie } = await ownerOf("IMPORTER");
    const stranger = await createMember("IMPORTER", "MEMBER");
    const out = await membersAction(org, cookie, { intent: "remove", membershipId: stranger.membership.id });
    expect(out.status).toBe(404);
    expect(await prisma.membership.count({ where: { id: stranger.membership.id } })).toBe(1);
  });
});

describe("joining through a colleague invitation", () => {
  it("the invited address joins with the invited role, once", async () => {
    const org = await createOrg("FACTORY");
    const invitee = await createUser();
    const { token } = await createInvitation({ orgId: org.id, kind: "MEMBER", email: invitee.email, role: "QUALITY" });
    const cookie = await cookieFor(invitee.id);
    const out = await call(invitationRoute.action, `/invitations/${token}`, { cookie, params: { token }, form: {} });
    expect(out.status).toBe(302);
    expect(out.location).toBe(`/${org.slug}`);
    const membership = await prisma.membership.findUniqueOrThrow({ where: { userId_orgId: { userId: invitee.id, orgId: org.id } } });
    expect(membership.role).toBe("QUALITY");
    const again = await call(invitationRoute.action, `/invitations/${token}`, { cookie, params: { token }, form: {} });
    expect(again.status).toBe(410);
  });

  it("someone signed in with another address cannot use it", async () => {
    const org = await createOrg("FACTORY");
    const { token } = await createInvitation({ orgId: org.id, kind: "MEMBER", email: `${unique("meant")}@example.com` });
    const other = await createUser();
    const out = await call(invitationRoute.action, `/invitations/${token}`, { cookie: await cookieFor(other.id), params: { token }, form: {} });
    expect(out.status).toBe(403);
    expect(await prisma.membership.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("an expired invitation shows as expired and cannot be accepted", async () => {
    const org = await createOrg("IMPORTER");
    const invitee = await createUser();
    const { token } = await createInvitation({ orgId: org.id, kind: "MEMBER", email: invitee.email, expiresAt: new Date(Date.now() - 1000) });
    const cookie = await cookieFor(invitee.id);
    const page = await call(invitationRoute.loader, `/invitations/${token}`, { cookie, params: { token } });
    expect((page.data as { invitation: { state: string } }).invitation.state).toBe("expired");
    const out = await call(invitationRoute.action, `/invitations/${token}`, { cookie, params: { token }, form: {} });
    expect(out.status).toBe(410);
  });

  it("a made-up or malformed token is a 404", async () => {
    const user = await createUser();
    const cookie = await cookieFor(user.id);
    for (const token of ["a".repeat(43), "<script>", "x"]) {
      const out = await call(invitationRoute.loader, `/invitations/${encodeURIComponent(token)}`, { cookie, params: { token } });
      expect(out.status).toBe(404);
    }
  });

  it("joining does not duplicate an existing membership", async () => {
    const org = await createOrg("IMPORTER");
    const user = await createUser();
    await createMembership(user.id, org.id, "VIEWER");
    const { token } = await createInvitation({ orgId: org.id, kind: "MEMBER", email: user.email, role: "OWNER" });
    const out = await call(invitationRoute.action, `/invitations/${token}`, { cookie: await cookieFor(user.id), params: { token }, form: {} });
    expect(out.status).toBe(302);
    const memberships = await prisma.membership.findMany({ where: { orgId: org.id, userId: user.id } });
    expect(memberships.map((m) => m.role)).toEqual(["VIEWER"]);
  });
});

describe("revoking an invitation", () => {
  it("an owner revokes a colleague's invitation: it can no longer be used, and the revocation is audited", async () => {
    const { org, cookie } = await ownerOf("IMPORTER");
    const { invitation } = await createInvitation({ orgId: org.id, kind: "MEMBER" });
    const out = await membersAction(org, cookie, { intent: "revoke", invitationId: invitation.id });
    expect(out.status).toBe(302);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { orgId: org.id, action: "invitation.revoke", subjectId: invitation.id } })).toBe(1);
  });

  it("revoking a factory's invitation ends the partnership that waited for it", async () => {
    const { org, cookie } = await ownerOf("IMPORTER");
    const partnership = await createPartnership(org.id, null, "INVITED");
    const { invitation } = await createInvitation({ orgId: org.id, kind: "PARTNER", role: "OWNER", partnershipId: partnership.id });
    const out = await call(partners.action, `/${org.slug}/partners`, {
      cookie,
      params: { org: org.slug },
      form: { intent: "revoke", invitationId: invitation.id },
    });
    expect(out.status).toBe(302);
    expect((await prisma.partnership.findUniqueOrThrow({ where: { id: partnership.id } })).status).toBe("ENDED");
  });

  it("members below owner cannot see invitations, so revoking one answers 404 and changes nothing", async () => {
    const { org } = await ownerOf("FACTORY");
    const { invitation } = await createInvitation({ orgId: org.id, kind: "MEMBER" });
    for (const role of ["QUALITY", "MEMBER", "VIEWER"] as const) {
      const member = await createMember("FACTORY", role, org);
      const out = await membersAction(org, await cookieFor(member.user.id), { intent: "revoke", invitationId: invitation.id });
      expect(out.status, role).toBe(404);
    }
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
  });

  it("an owner of another org cannot revoke this org's invitation through their own page", async () => {
    const { org } = await ownerOf("IMPORTER");
    const { invitation } = await createInvitation({ orgId: org.id, kind: "MEMBER" });
    const stranger = await ownerOf("IMPORTER");
    const out = await membersAction(stranger.org, stranger.cookie, { intent: "revoke", invitationId: invitation.id });
    expect(out.status).toBe(404);
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
  });
});
