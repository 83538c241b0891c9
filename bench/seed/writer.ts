// Bulk inserts through `INSERT … SELECT * FROM unnest($1::text[], …)`: one
// statement per batch of rows, column arrays as parameters, so a million rows
// cost a hundred round trips instead of a million.
import type pg from "pg";

export type Value = string | number | boolean | null;

/** Epoch milliseconds as PostgreSQL reads them into a `timestamp(3)` column: UTC wall time, as Prisma stores it. */
export const ts = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

export class TableWriter {
  /** The columns the first row named; every later row names the same. */
  private columns: string[] = [];
  private sql = "";
  private buffer: Value[][] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown = null;
  count = 0;

  /**
   * A writer into `table` that sends each column as the type the database gives it: the app's
   * migrations made the tables, so the seed does not state the column types a second time.
   */
  static async open(pool: pg.Pool, table: string, batchSize = 5000) {
    const { rows } = await pool.query<{ name: string; type: string }>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
      [`"${table}"`],
    );
    return new TableWriter(pool, table, new Map(rows.map((r) => [r.name, r.type])), batchSize);
  }

  private constructor(
    private readonly pool: pg.Pool,
    readonly table: string,
    private readonly types: Map<string, string>,
    private readonly batchSize: number,
    // Two statements at a time: the server inserts one batch while this process builds the next.
    private readonly parallel = 2,
  ) {}

  /** One row, by column name. */
  async add(row: Record<string, Value>) {
    if (this.columns.length === 0) this.start(Object.keys(row));
    if (Object.keys(row).length !== this.columns.length)
      throw new Error(`${this.table}: a row names ${Object.keys(row).join(", ")}, not ${this.columns.join(", ")}`);
    for (const [i, column] of this.columns.entries()) {
      const value = row[column];
      if (value === undefined) throw new Error(`${this.table}: a row has no ${column}`);
      this.buffer[i]!.push(value);
    }
    if (this.buffer[0]!.length >= this.batchSize) await this.flush();
  }

  private start(columns: string[]) {
    const unknown = columns.filter((c) => !this.types.has(c));
    if (unknown.length > 0) throw new Error(`${this.table} has no column ${unknown.join(", ")}`);
    this.columns = columns;
    this.buffer = columns.map(() => []);
    this.sql =
      `INSERT INTO "${this.table}" (${columns.map((c) => `"${c}"`).join(", ")}) ` +
      `SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${this.types.get(c)}[]`).join(", ")})`;
  }

  private async flush() {
    if (this.failure) throw this.failure;
    const rows = this.buffer[0]?.length ?? 0;
    if (rows === 0) return;
    const params = this.buffer;
    this.buffer = this.columns.map(() => []);
    while (this.inFlight.size >= this.parallel) await Promise.race(this.inFlight);
    const job: Promise<void> = this.pool
      .query(this.sql, params)
      .then(() => {
        this.count += rows;
      })
      .catch((error: unknown) => {
        this.failure ??= new Error(`Inserting into ${this.table} failed: ${(error as Error).message}`);
      })
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  /** Writes what is left and waits until every row is in; a child table may start after this. */
  async done() {
    await this.flush();
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
    return this.count;
  }
}
