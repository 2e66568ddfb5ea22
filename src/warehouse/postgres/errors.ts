import { WarehouseError } from "../../errors.ts";
import type { PgClient } from "./connection.ts";
import { last } from "./session.ts";

/** The fields of pg's DatabaseError that make a message. */
export interface PgError {
  message?: string;
  code?: string;
  detail?: string;
  hint?: string;
  where?: string;
}

export function errorCode(error: unknown): string | undefined {
  const e = error as PgError & { cause?: PgError };
  return e?.code ?? e?.cause?.code;
}

/**
 * `levenshtein` comes from the fuzzystrmatch extension (shipped with PostgreSQL, trusted since 13:
 * a database owner may create it). Returns why it is unavailable, or undefined when it is there.
 */
export async function ensureFuzzystrmatch(client: PgClient): Promise<string | undefined> {
  const present = last(await client.query("SELECT 1 FROM pg_extension WHERE extname = 'fuzzystrmatch'"));
  if (present.rows.length) return undefined;
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch");
    return undefined;
  } catch (error) {
    // Another session created it at the same moment.
    if (errorCode(error) === "23505" || errorCode(error) === "42710") return undefined;
    return (error as PgError).message ?? String(error);
  }
}

export interface ErrorContext {
  database: string;
  /** Why `levenshtein` is missing, when the extension could not be created. */
  fuzzyProblem?: string;
}

/** pg's error as one readable message: the server's text, its detail and hint, the CSV line. */
export function toWarehouseError(error: unknown, sql: string | undefined, ctx: ErrorContext): WarehouseError {
  if (error instanceof WarehouseError) return error;
  const e = error as PgError;
  let message = (e.message ?? String(error)).trim();
  if (e.code === "42883" && /levenshtein/.test(message) && ctx.fuzzyProblem) {
    message =
      `levenshtein needs the PostgreSQL extension fuzzystrmatch, which could not be created ` +
      `(${ctx.fuzzyProblem}); ask the owner of database ${ctx.database} to run: CREATE EXTENSION fuzzystrmatch;`;
  } else {
    if (e.detail) message += ` (${e.detail})`;
    if (e.hint) message += `; hint: ${e.hint}`;
    const line = e.where && /^COPY .*line (\d+)/.exec(e.where);
    if (line) message += ` (line ${line[1]} of the CSV file)`;
  }
  return new WarehouseError(message, sql, { cause: error });
}
