import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { resetEnv } from "~/lib/env.server.ts";
import * as capture from "~/routes/dev.capture.emails.ts";
import * as mailboxEmail from "~/routes/dev.mailbox.$id.tsx";
import * as mailbox from "~/routes/dev.mailbox._index.tsx";
import { unique } from "../support/factories.ts";
import { call } from "../support/routes.ts";

const saved = { NODE_ENV: process.env.NODE_ENV, RESEND_API_KEY: process.env.RESEND_API_KEY };
afterEach(() => {
  process.env.NODE_ENV = saved.NODE_ENV;
  if (saved.RESEND_API_KEY === undefined) delete process.env.RESEND_API_KEY;
  else process.env.RESEND_API_KEY = saved.RESEND_API_KEY;
  resetEnv();
});

const post = (to: string, clientAddress: string, socketAddress = clientAddress) =>
  call(capture.action, "/dev/capture/emails", {
    clientAddress,
    socketAddress,
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ from: "portal@example.com", to, subject: "Hello", html: "<p>Hi</p>" }),
  });

describe("local mail capture", () => {
  it("stores what the email SDK posts and lists it in the mailbox", async () => {
    const to = `${unique("rcpt")}@example.com`;
    const out = await post(to, "127.0.0.1");
    expect(out.status).toBe(200);
    expect(await prisma.capturedEmail.count({ where: { to } })).toBe(1);
    const list = await call(mailbox.loader, "/dev/mailbox", { clientAddress: "127.0.0.1" });
    expect(JSON.stringify(list.data)).toContain(to);
  });

  it("in production mode answers only to this machine, so invitation links never reach the internet", async () => {
    process.env.NODE_ENV = "production";
    resetEnv();
    const to = `${unique("rcpt")}@example.com`;
    expect((await post(to, "203.0.113.50")).status).toBe(404);
    expect((await call(mailbox.loader, "/dev/mailbox", { clientAddress: "203.0.113.50" })).status).toBe(404);
    expect((await call(mailbox.loader, "/dev/mailbox", { clientAddress: "::1" })).status).toBe(200);
    expect(await prisma.capturedEmail.count({ where: { to } })).toBe(0);
  });

  it("in production mode judges 'this machine' by the connection, so a forwarded 127.0.0.1 opens nothing", async () => {
    process.env.NODE_ENV = "production";
    resetEnv();
    const to = `${unique("rcpt")}@example.com`;
    // A remote client whose X-Forwarded-For a trusted proxy setting took at its word.
    const claimed = { clientAddress: "127.0.0.1", socketAddress: "203.0.113.50" };
    expect((await post(to, claimed.clientAddress, claimed.socketAddress)).status).toBe(404);
    expect((await call(mailbox.loader, "/dev/mailbox", claimed)).status).toBe(404);
    const invitation = await prisma.capturedEmail.create({
      data: { from: "portal@example.com", to, subject: "You are invited", html: "<a href='/invitations/t'>Join</a>" },
    });
    const open = (addresses: { clientAddress: string; socketAddress: string }) =>
      call(mailboxEmail.loader, `/dev/mailbox/${invitation.id}`, { ...addresses, params: { id: invitation.id } });
    expect((await open(claimed)).status).toBe(404);
    expect((await open({ clientAddress: "127.0.0.1", socketAddress: "127.0.0.1" })).status).toBe(200);
    // A visitor reaching a reverse proxy on this machine: the connection is local, the client is not.
    expect((await call(mailbox.loader, "/dev/mailbox", { clientAddress: "203.0.113.50", socketAddress: "127.0.0.1" })).status).toBe(404);
    expect((await call(mailbox.loader, "/dev/mailbox", { clientAddress: "127.0.0.1", socketAddress: "::ffff:127.0.0.1" })).status).toBe(200);
    expect(await prisma.capturedEmail.count({ where: { to } })).toBe(1);
  });

  it("does not exist once a real email provider is configured", async () => {
    process.env.RESEND_API_KEY = "re_live_key";
    resetEnv();
    expect((await post(`${unique("rcpt")}@example.com`, "127.0.0.1")).status).toBe(404);
    expect((await call(mailbox.loader, "/dev/mailbox", { clientAddress: "127.0.0.1" })).status).toBe(404);
  });

  it("rejects malformed posts with a 400 and a reason", async () => {
    const out = await call(capture.action, "/dev/capture/emails", {
      clientAddress: "127.0.0.1",
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(out.status).toBe(400);
  });
});
