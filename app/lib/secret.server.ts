import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "./env.server.ts";

let secrets: string[] | undefined;

/**
 * Cookie-signing secrets: SESSION_SECRET (comma-separated, newest first, to
 * rotate), or one generated once and kept in the data folder so that a
 * single-machine install needs no setup. Several app servers must share
 * SESSION_SECRET.
 */
export function getCookieSecrets(): string[] {
  if (secrets) return secrets;
  const env = getEnv();
  if (env.SESSION_SECRET) {
    secrets = env.SESSION_SECRET.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    return secrets;
  }
  const file = path.join(env.DATA_DIR, "session-secret");
  let secret: string;
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(env.DATA_DIR, { recursive: true });
    secret = randomBytes(32).toString("hex");
    writeFileSync(file, secret, { mode: 0o600 });
  }
  secrets = [secret];
  return secrets;
}
