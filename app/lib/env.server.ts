import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0"], { message: "must be true or false" }).transform((v) => v === "true" || v === "1");

/** A whole number of `unit` from `min` to `max`, whose messages name the unit: "must be a number of connections". */
const wholeNumberOf = (unit: string, min: number, max: number) =>
  z.coerce
    .number({ message: `must be a number of ${unit}` })
    .int({ message: `must be a whole number of ${unit}` })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

const PROXY_EXAMPLES = "the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 10.0.0.0/8 or 10.0.0.1,192.168.0.0/16)";
// Names Express (proxy-addr) knows for the usual private ranges.
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string) {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Which hops may say who the client is (X-Forwarded-For): a count of proxies, or their
 * addresses. Never every hop: then any client picks its own address and walks past the
 * login throttle, or claims to be this machine.
 */
const trustProxy = z.string().transform((raw, ctx): false | number | string[] => {
  const value = raw.trim().toLowerCase();
  if (value === "false" || value === "0") return false;
  if (value === "true" || value === "all" || value === "*") {
    ctx.addIssue({
      code: "custom",
      message: `must not be ${raw}: that trusts every hop, so any client could choose its own address with X-Forwarded-For. Give ${PROXY_EXAMPLES}`,
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 20) {
      ctx.addIssue({ code: "custom", message: "must be at most 20 proxies" });
      return z.NEVER;
    }
    return hops;
  }
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (!entries.length || bad.length) {
    ctx.addIssue({ code: "custom", message: `${bad.length ? `"${bad.join('", "')}" is not` : "must be"} ${PROXY_EXAMPLES}` });
    return z.NEVER;
  }
  return entries;
});

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65535).default(3000),
  APP_URL: z.string().url({ message: "must be an absolute URL such as https://portal.example.com" }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "must start with postgres:// (leave it unset to use the embedded database)" })
    .optional(),
  // Per process: with several app servers and workers, their sum must stay below the
  // PostgreSQL server's max_connections.
  DATABASE_POOL_SIZE: wholeNumberOf("connections", 1, 1000).default(10),
  DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.string().url({ message: "must be an absolute URL" }).optional(),
  EMAIL_FROM: z.string().min(3).default("Supplier Portal <portal@supplier-portal.local>"),
  WORKER: booleanFlag.default("true"),
  // Server processes sharing the port (node:cluster), e.g. one per core. PostgreSQL only:
  // the embedded database belongs to one process.
  WEB_CONCURRENCY: wholeNumberOf("processes", 1, 64).default(1),
  SECURE_COOKIES: booleanFlag.optional(),
  TRUST_PROXY: trustProxy.default("false"),
  // Benchmark aid: report each request's SQL statement count in X-Query-Count.
  QUERY_STATS: booleanFlag.default("false"),
  STORAGE_DIR: z.string().min(1).optional(),
  UPLOAD_MAX_BYTES: z.coerce
    .number({ message: "must be a number of bytes, e.g. 20971520 for 20 MB" })
    .int({ message: "must be a whole number of bytes" })
    .min(1024, { message: "must be at least 1024 bytes" })
    .max(2 ** 31 - 1, { message: "must be below 2 GB (2147483647 bytes)" })
    .default(20 * 1024 * 1024),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.string().url({ message: "must be an absolute URL such as https://s3.eu-central-1.amazonaws.com" }).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default("false"),
});

// Settings that only make sense together: a half-configured bucket should stop
// the server rather than quietly store files on local disk.
const checkedSchema = schema.superRefine((env, ctx) => {
  if (!env.S3_BUCKET) {
    for (const key of ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is set but S3_BUCKET is not (set S3_BUCKET to store files in a bucket)" });
    }
  }
  if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["WEB_CONCURRENCY"],
      message: "needs DATABASE_URL: the embedded database serves one process (leave it at 1, or use PostgreSQL)",
    });
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    const missing = env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
    ctx.addIssue({ code: "custom", path: [missing], message: "is required when the other S3 key is set" });
  }
});

export type Env = z.infer<typeof schema> & { APP_URL: string; DATA_DIR: string; STORAGE_DIR: string; mailCapture: boolean };

/** Turns zod issues into one line per variable, e.g. "PORT: must be a port number". */
export function describeEnvErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(environment)"}: ${issue.message}`);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = checkedSchema.safeParse(cleaned);
  if (!result.success) {
    throw new Error(`Invalid configuration:\n  ${describeEnvErrors(result.error).join("\n  ")}`);
  }
  const env = result.data;
  return {
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    DATA_DIR: path.resolve(env.DATA_DIR),
    STORAGE_DIR: path.resolve(env.STORAGE_DIR ?? path.join(env.DATA_DIR, "files")),
    mailCapture: !env.RESEND_API_KEY,
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests and scripts that change process.env after the first read. */
export function resetEnv() {
  cached = undefined;
}
