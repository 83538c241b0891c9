import { Prisma, type PrismaClient } from "~/generated/prisma/client.ts";
import { isDatabaseUnavailable } from "~/lib/database-outage.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { sendEmail, type OutgoingEmail, type SendResult } from "~/lib/email.server.ts";
import { renderEmail } from "../../../emails/index.ts";

export const MAX_ATTEMPTS = 8;
/** How long a claimed batch stays reserved; a worker that dies mid-batch gives its rows back after this. */
export const LEASE_MS = 5 * 60_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;
const DEFAULT_BATCH = 20;

export interface ClaimedEmail {
  id: string;
  orgId: string | null;
  to: string;
  template: string;
  data: unknown;
  locale: string;
  timeZone: string;
  /** Including this attempt. */
  attempts: number;
  idempotencyKey: string;
}

export type Send = (email: OutgoingEmail) => Promise<SendResult>;

export interface ClaimOptions {
  leaseMs?: number;
  /**
   * Only rows whose idempotency key starts with this. For tests that share a database
   * with other test files running at the same time: each processes only its own rows.
   */
  keyPrefix?: string;
  /**
   * The database connection to work through; defaults to the process database. Another
   * client stands for another server's connection pool on the same database.
   */
  client?: PrismaClient;
}

export interface ProcessOptions extends Pick<ClaimOptions, "keyPrefix" | "client"> {
  /** The worker's clock; tests move it forward instead of waiting. */
  now?: Date;
  limit?: number;
  send?: Send;
}

export interface ProcessResult {
  sent: number;
  retried: number;
  failed: number;
}

// Timestamps go in as ISO text cast to timestamp(3): the columns have no time zone and
// hold UTC (as Prisma writes them), and a literal's zone suffix is ignored by the cast.
const ts = (date: Date) => date.toISOString();

/**
 * Reserves up to `limit` due rows for this worker and counts the attempt. SKIP LOCKED lets
 * several workers claim side by side without waiting on or sharing rows; the second clause
 * takes back rows whose lease ran out because their worker died.
 */
export async function claimBatch(
  limit = DEFAULT_BATCH,
  now = new Date(),
  { leaseMs = LEASE_MS, keyPrefix, client = prisma }: ClaimOptions = {},
): Promise<ClaimedEmail[]> {
  // LIKE reads % and _ as wildcards: escaped, the prefix is taken literally.
  const scope = keyPrefix ? Prisma.sql`AND "idempotencyKey" LIKE ${`${keyPrefix.replace(/[\\%_]/g, "\\$&")}%`}` : Prisma.empty;
  const rows = await client.$queryRaw<ClaimedEmail[]>`
    UPDATE "OutboxEmail"
    SET status = 'SENDING', "lockedUntil" = ${ts(new Date(now.getTime() + leaseMs))}::timestamp(3), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE ((status = 'PENDING' AND "nextAttemptAt" <= ${ts(now)}::timestamp(3))
         OR (status = 'SENDING' AND "lockedUntil" < ${ts(now)}::timestamp(3)))
        ${scope}
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "orgId", "to", template, data, locale, "timeZone", attempts, "idempotencyKey"`;
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts), data: typeof row.data === "string" ? JSON.parse(row.data) : row.data }));
}

/** Exponential backoff from 30 s, capped at 1 h, plus up to 20 % jitter so that retries spread out. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return base + Math.floor(random() * base * 0.2);
}

async function deliver(row: ClaimedEmail, send: Send): Promise<SendResult> {
  let rendered;
  try {
    rendered = await renderEmail(row.template, row.locale, row.data, row.timeZone);
  } catch (error) {
    // Bad data or an unknown template will not get better by waiting.
    return { ok: false, retryable: false, message: `Cannot render: ${(error as Error).message}` };
  }
  try {
    return await send({ to: row.to, ...rendered, idempotencyKey: row.idempotencyKey });
  } catch (error) {
    return { ok: false, retryable: true, message: `Send threw: ${(error as Error).message}` };
  }
}

// Only the claim that is still current may write: if our lease ran out and another worker
// reclaimed the row, its `attempts` moved on and this update matches nothing.
async function settle(client: PrismaClient, row: ClaimedEmail, data: Prisma.OutboxEmailUpdateManyMutationInput) {
  const { count } = await client.outboxEmail.updateMany({ where: { id: row.id, status: "SENDING", attempts: row.attempts }, data });
  if (count === 0) console.error(`[outbox] email ${row.id} was reclaimed by another worker before this one finished`);
}

/** Claims one batch, sends it, and records each outcome. */
export async function processOutbox(options: ProcessOptions = {}): Promise<ProcessResult> {
  const clock = () => options.now ?? new Date();
  const send = options.send ?? ((email: OutgoingEmail) => sendEmail(email));
  const client = options.client ?? prisma;
  const rows = await claimBatch(options.limit ?? DEFAULT_BATCH, clock(), { keyPrefix: options.keyPrefix, client });
  const result: ProcessResult = { sent: 0, retried: 0, failed: 0 };

  for (const [index, row] of rows.entries()) {
    const outcome = await deliver(row, send);
    if (outcome.ok) {
      await settle(client, row, { status: "SENT", providerId: outcome.id, sentAt: clock(), lockedUntil: null, lastError: null });
      result.sent++;
      continue;
    }
    const lastError = outcome.message.slice(0, 1000);
    if (!outcome.retryable || row.attempts >= MAX_ATTEMPTS) {
      await settle(client, row, { status: "FAILED", lockedUntil: null, lastError });
      console.error(`[outbox] email ${row.id} (${row.template}) failed after ${row.attempts} attempt(s): ${lastError}`);
      result.failed++;
      continue;
    }
    const retryAt = new Date(clock().getTime() + Math.max(retryDelayMs(row.attempts), outcome.retryAfterMs ?? 0));
    await settle(client, row, { status: "PENDING", nextAttemptAt: retryAt, lockedUntil: null, lastError });
    result.retried++;
    if (outcome.status === 429) {
      // The limit is per account: the rest of the batch would be refused too. Give it back
      // untried (attempt not counted) for the same time.
      for (const rest of rows.slice(index + 1)) {
        await settle(client, rest, { status: "PENDING", nextAttemptAt: retryAt, lockedUntil: null, attempts: rest.attempts - 1 });
      }
      break;
    }
  }
  return result;
}

type PeriodicJob = (now: Date) => unknown;
interface JobEntry {
  run: PeriodicJob;
  everyMs: number;
  lastRun: number;
}

// On globalThis so that modules re-evaluated by the dev server's reloads share one list.
const holder = globalThis as unknown as { __periodicJobs?: Map<string, JobEntry> };
export const periodicJobs: Map<string, JobEntry> = (holder.__periodicJobs ??= new Map());

/**
 * Runs `fn` from the worker loop at most every `everyMs` (default: every tick). Registering
 * a name again replaces the job. Returns a function that removes it.
 */
export function registerPeriodicJob(name: string, fn: PeriodicJob, options: { everyMs?: number } = {}): () => void {
  const entry: JobEntry = { run: fn, everyMs: options.everyMs ?? 0, lastRun: 0 };
  periodicJobs.set(name, entry);
  return () => {
    if (periodicJobs.get(name) === entry) periodicJobs.delete(name);
  };
}

export async function runPeriodicJobs(now = new Date()): Promise<void> {
  for (const [name, job] of periodicJobs) {
    if (now.getTime() - job.lastRun < job.everyMs) continue;
    job.lastRun = now.getTime();
    try {
      await job.run(now);
    } catch (error) {
      console.error(`[worker] periodic job "${name}" failed:`, error);
    }
  }
}

export interface OutboxWorker {
  /** Stops the loop; resolves when the run in progress (if any) has finished. */
  stop(): Promise<void>;
}

/** Sends the outbox and runs periodic jobs every `intervalMs`, one run at a time. */
export function startOutboxWorker({ intervalMs = 2000, limit, send }: { intervalMs?: number; limit?: number; send?: Send } = {}): OutboxWorker {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      await processOutbox({ limit, send });
    } catch (error) {
      // During a database outage every run fails alike: a line each, not a stack trace every 2 s.
      if (isDatabaseUnavailable(error)) console.error("[outbox] run skipped: the database is unavailable");
      else console.error("[outbox] run failed:", error);
    }
    await runPeriodicJobs();
  };
  // setTimeout after each run rather than setInterval, so that a slow run never overlaps the next.
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      current = tick().then(() => {
        if (!stopped) schedule(intervalMs);
      });
    }, delay);
  };
  schedule(0);

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      return current;
    },
  };
}
