// Where uploaded files live. One interface, two drivers: a local folder (the
// default, and what the tests exercise) and an S3-compatible bucket for
// deployments with several app servers. Callers never choose a key: they ask
// `newStorageKey`, so a user-supplied name can never become a path.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import { type Env, getEnv } from "./env.server.ts";

export interface PutOptions {
  contentType: string;
}

export interface Storage {
  /** Stores the whole stream under `key`; a failed or aborted stream leaves nothing behind. */
  put(key: string, body: ReadableStream<Uint8Array> | Readable, opts: PutOptions): Promise<void>;
  /** The stored bytes, or null when there is no such key. */
  get(key: string): Promise<Readable | null>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Removes what writes cut short by a crash left behind, last touched before
   * `before`; returns how many. (A bucket leaves that to its lifecycle rule.)
   */
  removeAbandonedParts?(before: Date): Promise<number>;
}

// Segments of letters, digits, `_` and `-` only: no `..`, no absolute paths,
// no backslashes, nothing a filesystem or a bucket could read differently.
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,100}(\/[A-Za-z0-9_-]{1,100}){0,5}$/;

export function assertValidKey(key: string) {
  if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

/** A fresh, unguessable key: `<orgId>/<yyyy>/<32 hex>`. */
export function newStorageKey(orgId: string, now = new Date()) {
  const key = `${orgId}/${now.getUTCFullYear()}/${randomBytes(16).toString("hex")}`;
  assertValidKey(key);
  return key;
}

function toNodeReadable(body: ReadableStream<Uint8Array> | Readable): Readable {
  return body instanceof Readable ? body : Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>);
}

export class LocalStorage implements Storage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string) {
    assertValidKey(key);
    const file = path.resolve(this.root, ...key.split("/"));
    // The pattern already rules out escapes; this keeps it true if the pattern changes.
    if (!file.startsWith(this.root + path.sep)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return file;
  }

  async put(key: string, body: ReadableStream<Uint8Array> | Readable): Promise<void> {
    const target = this.pathOf(key);
    // Written beside the final folders and renamed into place, so a reader
    // never sees half a file and a crash leaves only `.tmp/` debris.
    const tmpDir = path.join(this.root, ".tmp");
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomBytes(12).toString("hex")}.part`);
    const out = createWriteStream(tmp, { flags: "wx" });
    try {
      await pipeline(toNodeReadable(body), out);
      const handle = await open(tmp, "r+");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tmp, target);
    } catch (error) {
      // A source that fails early can beat the file's own open: wait until the
      // stream has closed, or the file would appear after it was removed.
      if (!out.closed) await new Promise<void>((resolve) => out.once("close", () => resolve()));
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const handle = await open(this.pathOf(key), "r");
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  // A server killed mid-upload never reaches its cleanup: the `.part` file stays.
  // A live upload writes to its part with every chunk, so an old one is abandoned.
  async removeAbandonedParts(before: Date): Promise<number> {
    const tmpDir = path.join(this.root, ".tmp");
    const names = await readdir(tmpDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith(".part"))) {
      const file = path.join(tmpDir, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtime < before) {
        await rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}

/**
 * S3-compatible bucket (AWS, MinIO, R2, …): a thin wrapper over the SDK's own
 * streaming upload, tested against a real local S3 server (s3rver, see
 * tests/support/s3.ts). The SDK loads on first use only, keeping it out of
 * local-folder deployments.
 */
export class S3Storage implements Storage {
  private sdk?: Promise<{ client: import("@aws-sdk/client-s3").S3Client; s3: typeof import("@aws-sdk/client-s3") }>;

  constructor(private readonly env: Env & { S3_BUCKET: string }) {}

  private load() {
    this.sdk ??= import("@aws-sdk/client-s3").then((s3) => {
      const { S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE } = this.env;
      const client = new s3.S3Client({
        region: S3_REGION,
        endpoint: S3_ENDPOINT,
        forcePathStyle: S3_FORCE_PATH_STYLE,
        // Without keys the SDK's default chain applies (AWS_* variables, instance role).
        credentials: S3_ACCESS_KEY_ID && S3_SECRET_ACCESS_KEY ? { accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY } : undefined,
      });
      return { client, s3 };
    });
    return this.sdk;
  }

  async put(key: string, body: ReadableStream<Uint8Array> | Readable, opts: PutOptions): Promise<void> {
    assertValidKey(key);
    const { client } = await this.load();
    const { Upload } = await import("@aws-sdk/lib-storage");
    const source = toNodeReadable(body);
    let sourceError: unknown;
    source.once("error", (error) => (sourceError ??= error));
    // Multipart upload of unknown length; on a stream error the SDK aborts the
    // multipart upload, so no partial object becomes visible.
    const upload = new Upload({
      client,
      params: { Bucket: this.env.S3_BUCKET, Key: key, Body: source, ContentType: opts.contentType },
      queueSize: 2,
      partSize: 8 * 1024 * 1024,
    });
    try {
      await upload.done();
    } catch (error) {
      // When that abort itself fails, the SDK throws the abort's error in place of
      // the stream's: callers must still see why the stream stopped (a size limit
      // is the user's 413, not a storage failure). Parts left behind are never an
      // object; a lifecycle rule on the bucket reclaims them.
      if (sourceError === undefined) throw error;
      if (error !== sourceError) console.error(`Could not abort the multipart upload of ${key}:`, error);
      throw sourceError;
    }
  }

  async get(key: string): Promise<Readable | null> {
    assertValidKey(key);
    const { client, s3 } = await this.load();
    try {
      const out = await client.send(new s3.GetObjectCommand({ Bucket: this.env.S3_BUCKET, Key: key }));
      return (out.Body as Readable | undefined) ?? null;
    } catch (error) {
      if (error instanceof s3.NoSuchKey || (error as { name?: string }).name === "NotFound") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    const { client, s3 } = await this.load();
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.env.S3_BUCKET, Key: key }));
  }
}

let cached: { env: Env; storage: Storage } | undefined;

/** The configured driver; follows `resetEnv()` so tests can point it elsewhere. */
export function getStorage(): Storage {
  const env = getEnv();
  if (cached?.env !== env) {
    const storage = env.S3_BUCKET ? new S3Storage({ ...env, S3_BUCKET: env.S3_BUCKET }) : new LocalStorage(env.STORAGE_DIR);
    cached = { env, storage };
  }
  return cached.storage;
}
