import { hash, verify } from "@node-rs/argon2";

// OWASP's Argon2id minimum (19 MiB, 2 passes): strong, and fast enough on 2 cores.
// `algorithm: 2` is Algorithm.Argon2id (a const enum that isolated modules cannot import).
const options = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string) {
  return hash(password, options);
}

// Verified against when the email is unknown, so both paths take the same time.
let decoy: Promise<string> | undefined;

export async function verifyPassword(password: string, passwordHash: string | null | undefined) {
  if (!passwordHash) {
    decoy ??= hashPassword("decoy-password-for-unknown-accounts");
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
