import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { enqueueEmails, type EmailToEnqueue } from "~/features/notifications/outbox.server.ts";
import { LEASE_MS, processOutbox, type ProcessResult, type Send } from "~/features/notifications/worker.server.ts";
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { openDatabase, prisma } from "~/lib/db.server.ts";
import { CAPTURE_API_KEY, sendEmail } from "~/lib/email.server.ts";
import { action as captureAction } from "~/routes/dev.capture.emails.ts";

// Two outbox workers as two app servers run them: on PostgreSQL each has its own connection
// pool to the one database (on PGlite the one in-process database serves both). They send
// through the real Resend SDK, over HTTP, to the app's capture endpoint, which stores one
// email per idempotency key as Resend does; every request it answers is counted here.

interface Received {
  key: string | null;
  status: number;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function startCaptureServer() {
  const received: Received[] = [];
  const server: Server = createServer(async (req, res) => {
    try {
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])) as [string, string][],
        body: req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req),
      });
      const response = await captureAction({ request, params: {}, context: {} });
      received.push({ key: request.headers.get("idempotency-key"), status: response.status });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ statusCode: 500, name: "internal_server_error", message: (error as Error).message }));
    }
  });
  const url = await new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  return {
    url,
    received,
    /** How many requests carried each key. */
    countsFor(keys: string[]) {
      const counts = new Map(keys.map((key) => [key, 0]));
      for (const r of received) if (r.key !== null && counts.has(r.key)) counts.set(r.key, counts.get(r.key)! + 1);
      return counts;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const database = inject("database");

/** A second server's database connection: its own pool on PostgreSQL, the shared in-process database on PGlite. */
function openAnotherServer(): { client: PrismaClient; close(): Promise<void> } {
  if (database.kind === "pglite") return { client: prisma, close: async () => {} };
  const db = openDatabase({ url: database.url });
  return { client: db.prisma, close: () => db.close() };
}

const run = randomUUID().slice(0, 8);

const invitation = (to: string, idempotencyKey: string): EmailToEnqueue => ({
  orgId: null,
  to,
  locale: "en",
  idempotencyKey,
  template: "partner-invitation",
  data: {
    inviterName: "Anna Berg",
    importerName: "Nordic Home",
    acceptUrl: "https://portal.example.com/invitations/tok_race",
    expiresAt: "2027-03-05T10:00:00.000Z",
  },
});

async function enqueueMany(prefix: string, count: number) {
  const keys = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  const inserted = await prisma.$transaction((tx) =>
    enqueueEmails(
      tx,
      keys.map((key, i) => invitation(`race-${run}-${i}@outbox-race.example`, key)),
    ),
  );
  expect(inserted).toBe(count);
  return keys;
}

/** One worker's loop: batch after batch until a claim finds nothing. */
async function drain(options: { keyPrefix: string; client: PrismaClient; send: Send; now?: Date }) {
  const total: ProcessResult = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const result = await processOutbox({ ...options, limit: 20 });
    if (result.sent + result.retried + result.failed === 0) return total;
    total.sent += result.sent;
    total.retried += result.retried;
    total.failed += result.failed;
  }
}

let capture: Awaited<ReturnType<typeof startCaptureServer>>;
const send: Send = (email) => sendEmail(email, { apiKey: CAPTURE_API_KEY, baseUrl: capture.url });

beforeAll(async () => {
  capture = await startCaptureServer();
});

afterAll(async () => {
  await capture?.close();
});

const capturedByKey = async (keyPrefix: string) =>
  new Map(
    (await prisma.capturedEmail.findMany({ where: { idempotencyKey: { startsWith: keyPrefix } }, select: { id: true, idempotencyKey: true } })).map((c) => [
      c.idempotencyKey!,
      c.id,
    ]),
  );

describe("two outbox workers on one database", () => {
  it("deliver each of 500 pending emails exactly once", { timeout: 180_000 }, async () => {
    const keyPrefix = `race-${run}-`;
    const keys = await enqueueMany(keyPrefix, 500);
    const server = openAnotherServer();
    try {
      const pids = await Promise.all([prisma, server.client].map((c) => c.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`));
      // Two pools never share a connection; PGlite has only the one.
      expect(pids[0]![0]!.pid !== pids[1]![0]!.pid).toBe(database.kind === "postgres");

      const [a, b] = await Promise.all([drain({ keyPrefix, client: prisma, send }), drain({ keyPrefix, client: server.client, send })]);

      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      expect(a.sent + b.sent).toBe(500);
      expect(a.retried + b.retried + a.failed + b.failed).toBe(0);
    } finally {
      await server.close();
    }

    const counts = capture.countsFor(keys);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(capture.received.filter((r) => r.key?.startsWith(keyPrefix) && r.status !== 200)).toEqual([]);

    const captured = await capturedByKey(keyPrefix);
    expect(captured.size).toBe(500);
    const rows = await prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: keyPrefix } } });
    expect(rows).toHaveLength(500);
    for (const row of rows) {
      expect(row, row.idempotencyKey).toMatchObject({
        status: "SENT",
        attempts: 1,
        lockedUntil: null,
        lastError: null,
        providerId: captured.get(row.idempotencyKey),
      });
    }
  });

  it("take over the batch of a worker that died mid-batch once its lease runs out, still delivering each email once", async () => {
    const keyPrefix = `dead-${run}-`;
    const keys = await enqueueMany(keyPrefix, 60);
    const now = new Date();

    // The dying server sends five emails and records them, hands the sixth to the email API
    // and is gone before it hears back: that row was delivered but still reads SENDING.
    const dying = openAnotherServer();
    let calls = 0;
    let died!: () => void;
    const death = new Promise<void>((resolve) => (died = resolve));
    const sendThenDie: Send = async (email) => {
      if (++calls <= 5) return send(email);
      await send(email);
      died();
      return new Promise<never>(() => {});
    };
    void processOutbox({ keyPrefix, client: dying.client, send: sendThenDie, now, limit: 20 });
    await death;
    await dying.close();

    const orphaned = await prisma.outboxEmail.findMany({
      where: { idempotencyKey: { startsWith: keyPrefix }, status: "SENDING" },
      select: { idempotencyKey: true },
    });
    expect(orphaned).toHaveLength(15);
    const deliveredUnrecorded = capture.received.filter((r) => r.key?.startsWith(keyPrefix)).at(-1)!.key!;
    expect(orphaned.map((o) => o.idempotencyKey)).toContain(deliveredUnrecorded);

    // While the lease holds, the survivor sends everything else and leaves those rows alone.
    expect(await drain({ keyPrefix, client: prisma, send, now })).toEqual({ sent: 40, retried: 0, failed: 0 });
    expect(await prisma.outboxEmail.count({ where: { idempotencyKey: { startsWith: keyPrefix }, status: "SENDING" } })).toBe(15);

    const later = new Date(now.getTime() + LEASE_MS + 60_000);
    expect(await drain({ keyPrefix, client: prisma, send, now: later })).toEqual({ sent: 15, retried: 0, failed: 0 });

    // The API saw the one email twice, under the same key, and kept it once.
    const counts = capture.countsFor(keys);
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([[deliveredUnrecorded, 2]]);
    const captured = await capturedByKey(keyPrefix);
    expect(captured.size).toBe(60);

    const rows = await prisma.outboxEmail.findMany({ where: { idempotencyKey: { startsWith: keyPrefix } } });
    const taken = new Set(orphaned.map((o) => o.idempotencyKey));
    for (const row of rows) {
      expect(row, row.idempotencyKey).toMatchObject({
        status: "SENT",
        attempts: taken.has(row.idempotencyKey) ? 2 : 1,
        lockedUntil: null,
        providerId: captured.get(row.idempotencyKey),
      });
    }
  });
});
