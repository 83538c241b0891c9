import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { pruneExpiredSessions } from "~/lib/session.server.ts";
import * as login from "~/routes/login.tsx";
import * as logout from "~/routes/logout.tsx";
import * as orgLayout from "~/routes/$org.tsx";
import * as signup from "~/routes/signup.tsx";
import { createMember, createUser, TEST_PASSWORD, unique } from "../support/factories.ts";
import { message } from "~/lib/i18n/message.ts";
import { translateMessage } from "~/lib/i18n/translate.server.ts";
import { call, cookieFor, formErrors, inEnglish } from "../support/routes.ts";
import { confirmationTokenFor, confirmLink, queuedEmails, signUpAndConfirm } from "../support/signups.ts";

const cookieFrom = (headers: Headers) => headers.get("Set-Cookie")?.split(";")[0] ?? "";

describe("sign up", () => {
  it("creates the user and a new org of the chosen kind with the user as owner, once the emailed link is followed", async () => {
    const email = `${unique("new")}@example.com`;
    const posted = await call(signup.action, "/signup", {
      form: { name: "Ana Quality", email: email.toUpperCase(), password: "a sturdy password", orgName: "Ana Imports", orgKind: "IMPORTER" },
    });
    expect(posted.status).toBe(302);
    expect(posted.location).toBe("/signup/sent");
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    const out = await confirmLink(await confirmationTokenFor(email), "a sturdy password");
    expect(out.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { org: true } } } });
    expect(user.memberships).toHaveLength(1);
    expect(user.memberships[0]!.role).toBe("OWNER");
    expect(user.memberships[0]!.org.kind).toBe("IMPORTER");
    expect(out.location).toBe(`/${user.memberships[0]!.org.slug}`);
    const cookie = out.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const stored = await prisma.password.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored.hash.startsWith("$argon2id$")).toBe(true);
    const audit = await prisma.auditEvent.findMany({ where: { orgId: user.memberships[0]!.org.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["organization.create", "user.signup"]);
  });

  it("explains each invalid field and keeps what was typed", async () => {
    const out = await call(signup.action, "/signup", { form: { name: "", email: "not-an-email", password: "short", orgName: "Keep me" } });
    expect(out.status).toBe(400);
    const reply = (out.data as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } }).result;
    expect(inEnglish(reply.error.name)).toEqual(["Enter your name"]);
    expect(inEnglish(reply.error.email)[0]).toMatch(/valid email/);
    expect(inEnglish(reply.error.password)).toEqual(["Use at least 10 characters"]);
    expect(inEnglish(reply.error.orgKind)[0]).toMatch(/buys or makes/);
    expect(translateMessage("zh-CN", reply.error.password![0]!)).toBe("至少 10 个字符");
    expect(reply.initialValue.orgName).toBe("Keep me");
    expect(reply.initialValue.password).toBeUndefined();
  });

  it("never makes a second account for the same email: the answer is the one a new address gets, and the owner is emailed", async () => {
    const existing = await createUser();
    const out = await call(signup.action, "/signup", {
      form: { name: "Again", email: existing.email, password: "a sturdy password", orgName: "Dup Co", orgKind: "FACTORY" },
    });
    expect(out.status).toBe(302);
    expect(out.location).toBe("/signup/sent");
    expect(await prisma.user.count({ where: { email: existing.email } })).toBe(1);
    expect(await prisma.organization.count({ where: { name: "Dup Co" } })).toBe(0);
    expect(await queuedEmails(existing.email, "signup-existing")).toHaveLength(1);
  });

  it("two sign-ups with one address at the same moment, both confirmed at the same moment: one account, and the other link says so", async () => {
    const email = `${unique("race")}@example.com`;
    const form = (org: string) => ({ name: "Twin", email, password: "a sturdy password", orgName: org, orgKind: "IMPORTER" });
    const outs = await Promise.all([call(signup.action, "/signup", { form: form("Race A") }), call(signup.action, "/signup", { form: form("Race B") })]);
    expect(outs.map((o) => [o.status, o.location])).toEqual([
      [302, "/signup/sent"],
      [302, "/signup/sent"],
    ]);
    const links = await queuedEmails(email, "signup-confirm");
    expect(links).toHaveLength(2);
    const tokens = links.map((l) => new URL(String(l.data.confirmUrl)).pathname.split("/").at(-1)!);
    const confirmed = await Promise.all(tokens.map((token) => confirmLink(token, "a sturdy password")));
    expect(confirmed.map((o) => o.status).sort()).toEqual([302, 409]);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("answers 413 to an oversize form instead of failing", async () => {
    const out = await call(signup.action, "/signup", { form: { name: "x".repeat(70_000) } });
    expect(out.status).toBe(413);
  });

  it("stores a name typed with a NUL byte without it, instead of failing", async () => {
    const email = `${unique("nul")}@example.com`;
    const out = await signUpAndConfirm({ name: "Ana\u0000 Quality", email, password: "a sturdy password", orgName: "Nul\u0000 Imports", orgKind: "IMPORTER" });
    expect(out.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).name).toBe("Ana Quality");
  });

  it("drops NUL bytes from a form sent as multipart too", async () => {
    const email = `${unique("nul")}@example.com`;
    const form = new FormData();
    for (const [key, value] of Object.entries({
      name: "Ana\u0000 Quality",
      email,
      password: "a sturdy password",
      orgName: "Nul\u0000 Imports",
      orgKind: "IMPORTER",
    }))
      form.append(key, value);
    const posted = await call(signup.action, "/signup", { body: form });
    expect(posted.location).toBe("/signup/sent");
    const out = await confirmLink(await confirmationTokenFor(email), "a sturdy password");
    expect(out.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).name).toBe("Ana Quality");
  });

  it("answers 413 to an oversize multipart form, counting what it reads", async () => {
    const form = new FormData();
    form.append("name", "x".repeat(70_000));
    const out = await call(signup.action, "/signup", { body: form });
    expect(out.status).toBe(413);
  });

  it("answers 415 to a body that is not a form", async () => {
    const out = await call(signup.action, "/signup", { body: "{}", headers: { "Content-Type": "application/json" } });
    expect(out.status).toBe(415);
  });
});

describe("log in and out", () => {
  it("logs in with the right password and starts a new session id each time", async () => {
    const user = await createUser();
    const first = await call(login.action, "/login", { form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/somewhere" } });
    expect(first.status).toBe(302);
    expect(first.location).toBe("/somewhere");
    const firstCookie = cookieFrom(first.headers);
    const second = await call(login.action, "/login", { cookie: firstCookie, form: { email: user.email, password: TEST_PASSWORD } });
    expect(cookieFrom(second.headers)).not.toBe(firstCookie);
    // The session the second login replaced is gone.
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("never redirects to another site after login", async () => {
    const user = await createUser();
    const out = await call(login.action, "/login", { form: { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/x" } });
    expect(out.location).toBe("/");
  });

  it("says 'wrong email or password' for both a wrong password and an unknown email", async () => {
    const user = await createUser();
    const wrong = await call(login.action, "/login", { form: { email: user.email, password: "not the password" } });
    const unknown = await call(login.action, "/login", { form: { email: `${unique("nobody")}@example.com`, password: "whatever123" } });
    expect(inEnglish(formErrors(wrong))).toEqual(["Wrong email or password."]);
    expect(inEnglish(formErrors(unknown))).toEqual(["Wrong email or password."]);
  });

  it("a refused login sends back the email it was given, and neither the password nor anything else", async () => {
    const user = await createUser();
    const out = await call(login.action, "/login", { form: { email: user.email, password: "not the password", redirectTo: "/somewhere" } });
    expect(out.status).toBe(400);
    expect(out.data).toEqual({
      intent: "login",
      result: {
        status: "error",
        initialValue: { email: user.email },
        error: { "": [message("auth", "errors.wrongPassword")] },
        fields: ["email", "password"],
      },
    });
    expect(inEnglish(formErrors(out))).toEqual(["Wrong email or password."]);
  });

  it("logging out deletes the session so the cookie stops working", async () => {
    const { user, org } = await createMember("IMPORTER", "MEMBER");
    const cookie = await cookieFor(user.id);
    const out = await call(logout.action, "/logout", { cookie, method: "POST" });
    expect(out.status).toBe(302);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const after = await call(orgLayout.loader, `/${org.slug}`, { cookie, params: { org: org.slug } });
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("logout on GET changes nothing", async () => {
    const { user } = await createMember("IMPORTER", "MEMBER");
    const cookie = await cookieFor(user.id);
    await call(logout.loader, "/logout", { cookie });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("an expired session is refused and pruned by the housekeeping job", async () => {
    const { user, org } = await createMember("FACTORY", "MEMBER");
    const cookie = await cookieFor(user.id);
    await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const out = await call(orgLayout.loader, `/${org.slug}`, { cookie, params: { org: org.slug } });
    expect(out.status).toBe(302);
    expect(await pruneExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a tampered cookie counts as signed out", async () => {
    const { user, org } = await createMember("FACTORY", "MEMBER");
    const cookie = await cookieFor(user.id);
    const tampered = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const out = await call(orgLayout.loader, `/${org.slug}`, { cookie: tampered, params: { org: org.slug } });
    expect(out.status).toBe(302);
  });
});

describe("login rate limit", () => {
  it("blocks guessing from one address after 5 failures, without locking the owner out elsewhere", async () => {
    const victim = await createUser();
    for (let i = 0; i < 5; i++) {
      const out = await call(login.action, "/login", { clientAddress: "198.51.100.9", form: { email: victim.email, password: `guess-${i}-xxxx` } });
      expect(out.status).toBe(400);
    }
    const blocked = await call(login.action, "/login", { clientAddress: "198.51.100.9", form: { email: victim.email, password: TEST_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(inEnglish(formErrors(blocked)).join()).toMatch(/Too many failed attempts/);

    const owner = await call(login.action, "/login", { clientAddress: "192.0.2.44", form: { email: victim.email, password: TEST_PASSWORD } });
    expect(owner.status).toBe(302);
  });
});
