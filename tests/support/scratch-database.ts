// A PostgreSQL database of a test file's own on TEST_DATABASE_URL's server, for tests that
// start real app servers: named when the file loads (so servers can be configured with it),
// created empty (the servers migrate it) and dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface ScratchDatabase {
  name: string;
  /** Empty when TEST_DATABASE_URL is not set; `create` then says what to set. */
  url: string;
  create(): Promise<void>;
  drop(): Promise<void>;
}

export function scratchDatabase(prefix: string): ScratchDatabase {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const url = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString() : "";
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    name,
    url,
    async create() {
      if (!serverUrl) throw new Error("This test needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres");
      await admin(`CREATE DATABASE "${name}"`);
    },
    async drop() {
      if (serverUrl) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A scratch database, created now. */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const database = scratchDatabase(prefix);
  await database.create();
  return database;
}
