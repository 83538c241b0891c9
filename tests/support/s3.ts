// A real S3-compatible server for the tests: s3rver on 127.0.0.1, a free port,
// a fresh folder and one bucket, with the settings a test process or an app
// server needs to store its files there.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver, { type Middleware } from "s3rver";
import { resetEnv } from "~/lib/env.server.ts";

// s3rver's built-in credentials.
const ACCESS_KEY_ID = "S3RVER";
const SECRET_ACCESS_KEY = "S3RVER";
// Where s3rver keeps the parts of unfinished multipart uploads, per bucket.
const UPLOADS_FOLDER = "._S3rver_uploads";

export interface TestS3 {
  bucket: string;
  endpoint: string;
  /** S3_* settings for process.env or an app server's environment. */
  env: Record<string, string>;
  /** Every object key in the bucket (below `prefix`), through the S3 API. */
  keys(prefix?: string): Promise<string[]>;
  /** The object's content type and size, or null when there is none. */
  head(key: string): Promise<{ contentType: string | undefined; size: number | undefined } | null>;
  /** Multipart uploads begun and neither completed nor aborted. */
  pendingUploads(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * s3rver 3.7 answers AbortMultipartUpload with 405, so an aborted upload's parts
 * would stay forever and a test could not tell an aborted upload from an
 * abandoned one. This does what S3 does: drops the parts, answers 204.
 */
function abortMultipartUploads(directory: string): Middleware {
  return async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    if (ctx.method !== "DELETE" || typeof uploadId !== "string") return next();
    const bucket = ctx.path.split("/")[1] ?? "";
    const staged = path.join(directory, bucket, UPLOADS_FOLDER, uploadId);
    if (!/^[0-9a-f]{1,64}$/.test(uploadId) || !/^[a-z0-9.-]{3,63}$/.test(bucket) || !existsSync(staged)) {
      ctx.status = 404;
      ctx.type = "application/xml";
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>`;
      return;
    }
    await rm(staged, { recursive: true, force: true });
    ctx.status = 204;
  };
}

export interface S3Options {
  bucket?: string;
  /** false: s3rver as shipped, refusing AbortMultipartUpload with 405 (a server whose abort fails). */
  abortMultipartUploads?: boolean;
}

export async function startS3({ bucket = "portal-files", abortMultipartUploads: canAbort = true }: S3Options = {}): Promise<TestS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "sp-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  if (canAbort) server.middleware.unshift(abortMultipartUploads(directory));
  let address;
  try {
    address = await server.run();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = new S3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
  });

  return {
    bucket,
    endpoint,
    env: { S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE: "true" },
    async keys(prefix) {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken }));
        keys.push(...(page.Contents ?? []).map((o) => o.Key!));
        ContinuationToken = page.NextContinuationToken;
      } while (ContinuationToken);
      return keys.sort();
    },
    async head(key) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { contentType: out.ContentType, size: out.ContentLength };
      } catch (error) {
        if ((error as { name?: string }).name === "NotFound") return null;
        throw error;
      }
    },
    // s3rver does not implement ListMultipartUploads: its folder is the record.
    pendingUploads: () => readdir(path.join(directory, bucket, UPLOADS_FOLDER)).catch(() => []),
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Points this process's storage (getStorage) at the bucket; the returned function undoes it. */
export function useS3(s3: TestS3): () => void {
  const previous = Object.fromEntries(Object.keys(s3.env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, s3.env);
  resetEnv();
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnv();
  };
}
