import { readdir } from "node:fs/promises";
import path from "node:path";

/** The test file's own storage folder, set up by setup-database.ts. */
export function testStorageDir(): string {
  const dir = process.env.STORAGE_DIR;
  if (!dir) throw new Error("STORAGE_DIR is not set: integration tests get it from tests/support/setup-database.ts");
  return dir;
}

/** Every file stored below `dir` (nothing when it does not exist). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
