import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65535).default(3000),
  APP_URL: z.string().url({ message: "must be an absolute URL such as https://portal.example.com" }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "must start with postgres:// (leave it unset to use the embedded database)" })
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.string().url({ message: "must be an absolute URL" }).optional(),
  EMAIL_FROM: z.string().min(3).default("Supplier Portal <portal@supplier-portal.local>"),
  WORKER: booleanFlag.default("true"),
  SECURE_COOKIES: booleanFlag.optional(),
  TRUST_PROXY: booleanFlag.default("false"),
});

export type Env = z.infer<typeof schema> & { APP_URL: string; DATA_DIR: string; mailCapture: boolean };

/** Turns zod issues into one line per variable, e.g. "PORT: must be a port number". */
export function describeEnvErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(environment)"}: ${issue.message}`);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new Error(`Invalid configuration:\n  ${describeEnvErrors(result.error).join("\n  ")}`);
  }
  const env = result.data;
  return {
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    DATA_DIR: path.resolve(env.DATA_DIR),
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
