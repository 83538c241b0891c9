// Bulk inserts through `INSERT … SELECT * FROM unnest($1::text[], …)`: one
// statement per batch of rows, column arrays as parameters, so a million rows
// cost a hundred round trips instead of a million.
import type pg from "pg";

export type ColumnType = "text" | "int" | "bool" | "ts" | "num" | "json" | { enum: string };

const sqlType = (type: ColumnType) =>
  typeof type === "object"
    ? `"${type.enum}"[]`
    : { text: "text[]", int: "int4[]", bool: "bool[]", ts: "timestamp(3)[]", num: "numeric[]", json: "jsonb[]" }[type];

export type Value = string | number | boolean | null;

/** Epoch milliseconds as PostgreSQL reads them into a `timestamp(3)` column: UTC wall time, as Prisma stores it. */
export const ts = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

export class TableWriter {
  private readonly columns: string[];
  private readonly sql: string;
  private buffer: Value[][];
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown = null;
  count = 0;

  constructor(
    private readonly pool: pg.Pool,
    readonly table: string,
    schema: Record<string, ColumnType>,
    private readonly batchSize = 5000,
    // Two statements at a time: the server inserts one batch while this process builds the next.
    private readonly parallel = 2,
  ) {
    this.columns = Object.keys(schema);
    const types = Object.values(schema);
    this.buffer = this.columns.map(() => []);
    this.sql =
      `INSERT INTO "${table}" (${this.columns.map((c) => `"${c}"`).join(", ")}) ` +
      `SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${sqlType(t)}`).join(", ")})`;
  }

  /** Values in the order of the schema given to the constructor. */
  async add(...values: Value[]) {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    for (let i = 0; i < values.length; i++) this.buffer[i]!.push(values[i]!);
    if (this.buffer[0]!.length >= this.batchSize) await this.flush();
  }

  private async flush() {
    if (this.failure) throw this.failure;
    const rows = this.buffer[0]!.length;
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
