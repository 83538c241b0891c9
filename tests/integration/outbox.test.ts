import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail, enqueueEmails, type EmailToEnqueue } from "~/features/notifications/outbox.server.ts";
import { MAX_ATTEMPTS, processOutbox, type ProcessResult } from "~/features/notifications/worker.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { sendEmail, type OutgoingEmail } from "~/lib/email.server.ts";
import { getEnv } from "~/lib/env.server.ts";
import { action as captureAction } from "~/routes/dev.capture.emails.ts";

// The real Resend SDK sends over real HTTP to servers started here. The database may be
// shared with other test files running at the same time, so every key starts with this
// file's prefix and every processOutbox call is scoped to it.

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

interface Failure {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Answers like Resend's `POST /emails`, records every request, and fails on demand. */
async function startFakeResend() {
  const requests: Received[] = [];
  const failures: Failure[] = [];
  let ids = 0;
  const server = createServer(async (req, res) => {
    const raw = (await readBody(req)).toString("utf8");
    requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: raw ? JSON.parse(raw) : {} });
    // A little latency, so that concurrent workers really overlap.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const failure = failures.shift();
    res.writeHead(failure?.status ?? 200, { "content-type": "application/json", ...failure?.headers });
    res.end(JSON.stringify(failure ? failure.body : { id: `fake_${++ids}` }));
  });
  const url = await listen(server);
  return {
    url,
    requests,
    failNext(count: number, failure: Failure) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    withKey: (key: string) => requests.filter((r) => r.headers["idempotency-key"] === key),
    close: () => close(server),
  };
}

const run = randomUUID().slice(0, 8);
const keyPrefix = `outbox-test-${run}-`;
let counter = 0;
const unique = (tag: string) => `${keyPrefix}${tag}-${++counter}`;
const recipient = (tag: string) => `${tag}-${run}-${++counter}@outbox-test.example`;

const invitation = {
  inviterName: "Anna Berg",
  importerName: "Nordic Home",
  acceptUrl: "https://portal.example.com/invitations/tok_abc",
  expiresAt: "2027-03-05T10:00:00.000Z",
};
const partnerEmail = (to: string, idempotencyKey: string, locale = "en"): EmailToEnqueue => ({
  orgId: null,
  to,
  locale,
  idempotencyKey,
  template: "partner-invitation",
  data: invitation,
});

const enqueue = (email: EmailToEnqueue) => prisma.$transaction((tx) => enqueueEmail(tx, email));
const rowOf = (idempotencyKey: string) => prisma.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey } });
const nothing: ProcessResult = { sent: 0, retried: 0, failed: 0 };

let fake: Awaited<ReturnType<typeof startFakeResend>>;
const send = (email: OutgoingEmail) => sendEmail(email, { apiKey: "re_test_key", baseUrl: fake.url });

beforeAll(async () => {
  fake = await startFakeResend();
});

afterAll(async () => {
  await fake.close();
});

// A test that leaves rows due (on purpose or by failing) must not feed the next one.
afterEach(async () => {
  await prisma.outboxEmail.updateMany({
    where: { idempotencyKey: { startsWith: keyPrefix }, status: { in: ["PENDING", "SENDING"] } },
    data: { status: "FAILED", lastError: "left over by a test" },
  });
});

describe("outbox", () => {
  it("sends an enqueued email once, with its idempotency key, in the recipient's language", async () => {
    const to = recipient("zh");
    const key = unique("key");
    expect(await enqueue(partnerEmail(to, key, "zh-CN"))).toBe(true);
    expect(await enqueue(partnerEmail(to, key, "zh-CN"))).toBe(false); // same key: no second row
    const elsewhere = `elsewhere-${run}`; // another file's row: out of this file's scope
    await enqueue(partnerEmail(recipient("elsewhere"), elsewhere));

    expect(await processOutbox({ keyPrefix, send })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await processOutbox({ keyPrefix, send })).toEqual(nothing);
    expect(await rowOf(elsewhere)).toMatchObject({ status: "PENDING", attempts: 0 });
    await prisma.outboxEmail.delete({ where: { idempotencyKey: elsewhere } });

    const [request, ...others] = fake.withKey(key);
    expect(others).toHaveLength(0);
    expect(request).toMatchObject({ method: "POST", path: "/emails" });
    expect(request!.headers.authorization).toBe("Bearer re_test_key");
    expect(request!.body).toMatchObject({ to, from: getEnv().EMAIL_FROM, subject: "Nordic Home 邀请您使用 Supplier Portal" });
    expect(request!.body.html).toContain(invitation.acceptUrl);
    expect(request!.body.text).toContain("供应商免费");

    const row = await rowOf(key);
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lockedUntil: null, lastError: null, locale: "zh-CN" });
    expect(row.providerId).toMatch(/^fake_\d+$/);
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("writes nothing when the enclosing transaction rolls back", async () => {
    const key = unique("rollback");
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, partnerEmail(recipient("rollback"), key));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.outboxEmail.count({ where: { idempotencyKey: key } })).toBe(0);
  });

  it("refuses data that does not fit the template", async () => {
    const key = unique("invalid");
    const bad = { ...partnerEmail(recipient("invalid"), key), data: { ...invitation, acceptUrl: "not a url" } } as EmailToEnqueue;
    await expect(enqueue(bad)).rejects.toThrow(/Invalid data for email template "partner-invitation": acceptUrl/);
    expect(await prisma.outboxEmail.count({ where: { idempotencyKey: key } })).toBe(0);
  });

  it("waits at least Retry-After when rate limited", async () => {
    const key = unique("429");
    await enqueue(partnerEmail(recipient("429"), key));
    fake.failNext(1, { status: 429, headers: { "retry-after": "120" }, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" } });
    const now = new Date();

    expect(await processOutbox({ keyPrefix, now, send })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const row = await rowOf(key);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
    expect(row.lastError).toContain("rate_limit_exceeded");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 120_000);

    expect(await processOutbox({ keyPrefix, now: new Date(now.getTime() + 119_000), send })).toEqual(nothing);
    expect(await processOutbox({ keyPrefix, now: row.nextAttemptAt, send })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(fake.withKey(key)).toHaveLength(2);
    expect(await rowOf(key)).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("gives the rest of a rate-limited batch back untried", async () => {
    const keys = [unique("batch429"), unique("batch429"), unique("batch429")];
    await prisma.$transaction((tx) =>
      enqueueEmails(
        tx,
        keys.map((key) => partnerEmail(recipient("batch429"), key)),
      ),
    );
    fake.failNext(1, { status: 429, headers: { "retry-after": "60" }, body: { statusCode: 429, name: "rate_limit_exceeded", message: "Slow down" } });
    const now = new Date();

    expect(await processOutbox({ keyPrefix, now, send })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const rows = await prisma.outboxEmail.findMany({ where: { idempotencyKey: { in: keys } } });
    expect(rows.map((r) => r.status)).toEqual(["PENDING", "PENDING", "PENDING"]);
    expect(rows.map((r) => r.attempts).sort()).toEqual([0, 0, 1]);
    for (const row of rows) expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 60_000);
    expect(keys.map((key) => fake.withKey(key).length).sort()).toEqual([0, 0, 1]);
  });

  it(`backs off on server errors and gives up after ${MAX_ATTEMPTS} attempts`, async () => {
    const key = unique("500");
    await enqueue(partnerEmail(recipient("500"), key));
    fake.failNext(MAX_ATTEMPTS, { status: 500, headers: {}, body: { statusCode: 500, name: "internal_server_error", message: "Upstream broke" } });

    let now = new Date();
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await processOutbox({ keyPrefix, now, send })).toEqual({ sent: 0, retried: 1, failed: 0 });
      const row = await rowOf(key);
      expect(row).toMatchObject({ status: "PENDING", attempts: attempt });
      const minimumDelay = Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);
      expect(row.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(minimumDelay);
      now = row.nextAttemptAt;
    }
    expect(await processOutbox({ keyPrefix, now, send })).toEqual({ sent: 0, retried: 0, failed: 1 });

    const row = await rowOf(key);
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lockedUntil: null });
    expect(row.lastError).toContain("Upstream broke");
    expect(await processOutbox({ keyPrefix, now: new Date(now.getTime() + 86_400_000), send })).toEqual(nothing);
    expect(fake.withKey(key)).toHaveLength(MAX_ATTEMPTS);
  });

  it("fails at once on an error that a retry cannot fix", async () => {
    const key = unique("422");
    await enqueue(partnerEmail(recipient("422"), key));
    fake.failNext(1, { status: 422, headers: {}, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field" } });
    expect(await processOutbox({ keyPrefix, send })).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await rowOf(key)).toMatchObject({ status: "FAILED", attempts: 1, lastError: expect.stringContaining("Invalid `to` field") });
  });

  it("retries when the email API cannot be reached", async () => {
    const key = unique("offline");
    await enqueue(partnerEmail(recipient("offline"), key));
    const closed = createServer();
    const url = await listen(closed);
    await close(closed); // nothing listens on this port now
    const now = new Date();
    expect(await processOutbox({ keyPrefix, now, send: (email) => sendEmail(email, { apiKey: "re_test_key", baseUrl: url }) })).toEqual({
      sent: 0,
      retried: 1,
      failed: 0,
    });
    const row = await rowOf(key);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringContaining("Unable to fetch") });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 30_000);
  });

  it("takes back a row whose worker died, but not one still leased", async () => {
    const now = new Date();
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
    const row = (key: string, lockedUntil: Date) => ({
      to: recipient("stuck"),
      template: "member-invitation",
      locale: "es",
      data: { inviterName: "Li Wei", orgName: "Bright Ceramics", role: "VIEWER", acceptUrl: invitation.acceptUrl, expiresAt: invitation.expiresAt },
      idempotencyKey: key,
      status: "SENDING" as const,
      attempts: 1,
      nextAttemptAt: minutes(-10),
      lockedUntil,
    });
    const stuckKey = unique("stuck");
    const heldKey = unique("held");
    await prisma.outboxEmail.createMany({ data: [row(stuckKey, minutes(-1)), row(heldKey, minutes(4))] });

    expect(await processOutbox({ keyPrefix, now, send })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await rowOf(stuckKey)).toMatchObject({ status: "SENT", attempts: 2 });
    expect(await rowOf(heldKey)).toMatchObject({ status: "SENDING", attempts: 1 });
    expect(fake.withKey(stuckKey)).toHaveLength(1);
    expect(fake.withKey(stuckKey)[0]!.body.subject).toBe("Li Wei le invita a unirse a Bright Ceramics");
    expect(fake.withKey(heldKey)).toHaveLength(0);
  });

  it("sends each of 50 emails exactly once with two workers at the same time", async () => {
    const keys = Array.from({ length: 50 }, (_, i) => unique(`bulk${i}`));
    const inserted = await prisma.$transaction((tx) =>
      enqueueEmails(
        tx,
        keys.map((key) => partnerEmail(recipient("bulk"), key)),
      ),
    );
    expect(inserted).toBe(50);

    const drain = async () => {
      const total = { ...nothing };
      for (;;) {
        const result = await processOutbox({ keyPrefix, limit: 7, send });
        if (result.sent + result.retried + result.failed === 0) return total;
        total.sent += result.sent;
        total.retried += result.retried;
        total.failed += result.failed;
      }
    };
    const [a, b] = await Promise.all([drain(), drain()]);

    expect(a.sent + b.sent).toBe(50);
    expect(a.retried + b.retried + a.failed + b.failed).toBe(0);
    for (const key of keys) expect(fake.withKey(key), key).toHaveLength(1);
    expect(await prisma.outboxEmail.count({ where: { idempotencyKey: { in: keys }, status: "SENT", attempts: 1 } })).toBe(50);
  });
});

describe.skipIf(!getEnv().mailCapture)("dev capture endpoint", () => {
  // Serves the route's action over HTTP, so the SDK's request reaches it unchanged.
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = (await readBody(req)).toString("utf8");
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])) as [string, string][],
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      const response = await captureAction({ request, params: {}, context: {} });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    url = await listen(server);
  });
  afterAll(() => close(server));

  const post = (body: string, headers: Record<string, string> = {}) =>
    captureAction({ request: new Request("http://localhost/dev/capture/emails", { method: "POST", body, headers }), params: {}, context: {} });

  it("stores what the SDK posts, once per idempotency key", async () => {
    const to = recipient("capture");
    const key = unique("capture");
    const email = { to: [to, "second@outbox-test.example"], subject: "Hello 你好", html: "<p>Hi</p>", text: "Hi", idempotencyKey: key };
    const first = await sendEmail(email, { baseUrl: url, apiKey: "re_local_capture" });
    const again = await sendEmail(email, { baseUrl: url, apiKey: "re_local_capture" });
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);

    const stored = await prisma.capturedEmail.findMany({ where: { idempotencyKey: key } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ to: `${to}, second@outbox-test.example`, subject: "Hello 你好", html: "<p>Hi</p>", text: "Hi" });
    expect(first).toEqual({ ok: true, id: stored[0]!.id });
  });

  it("answers 400 to a bad request and 413 to a huge one", async () => {
    expect((await post("{not json")).status).toBe(400);
    const missing = await post(JSON.stringify({ from: "a@b.example", to: "c@d.example" }));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ name: "validation_error", message: expect.stringContaining("subject") });
    expect((await post(JSON.stringify({ from: "a@b.example", to: "c@d.example", subject: "x", html: "x".repeat(2 * 1024 * 1024) }))).status).toBe(413);

    const result = await sendEmail({ to: "c@d.example", subject: "", html: "x" }, { baseUrl: url, apiKey: "re_local_capture" });
    expect(result).toMatchObject({ ok: false, retryable: false, status: 400 });
  });
});
