import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { WarehouseError } from "../../errors.ts";
import { CsvFormatError, checkCsv, readCsvHeader, UNTERMINATED_QUOTE } from "../csv-format.ts";
import type { CsvLoadOptions, Relation } from "../types.ts";
import { CopyFrom } from "./copy.ts";
import { columnTypesFrom, detectionSql, typedSelect, unknownOverrides } from "./csv.ts";
import { postgresDialect as d } from "./dialect.ts";
import { type Session, scratch } from "./session.ts";
import { replaceWith } from "./swap.ts";

/** The header of a seed file, checked against its `columnTypes`, before any transaction opens. */
export async function seedColumns(file: string, options: CsvLoadOptions): Promise<string[]> {
  const columns = await readCsvHeader(file, options.delimiter ?? ",");
  const unknown = unknownOverrides(columns, options.columnTypes);
  if (unknown.length) {
    throw new WarehouseError(
      `columnTypes names ${unknown.map((c) => `"${c}"`).join(", ")}, not a column of ${file} (its columns: ${columns.join(", ")})`,
    );
  }
  return columns;
}

/**
 * Inside the caller's transaction: `COPY ... FROM STDIN` into a text table that disappears at
 * commit, column types detected in SQL (see csv.ts), then the typed table swapped in place.
 */
export async function loadCsvIn(
  session: Session,
  relation: Relation,
  file: string,
  columns: string[],
  options: CsvLoadOptions,
): Promise<number> {
  const text = `pg_temp.${d.quoteIdentifier(`cdp_load_${randomBytes(4).toString("hex")}`)}`;
  const cols = columns.map((c) => d.quoteIdentifier(c));
  await session.run(
    `CREATE TEMPORARY TABLE ${text} (${cols.map((c) => `${c} TEXT`).join(", ")}) ON COMMIT DROP`,
  );
  const delimiter = d.literal(options.delimiter ?? ",");
  const copySql = `COPY ${text} (${cols.join(", ")}) FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ${delimiter}, ENCODING 'UTF8')`;
  const source = createReadStream(file, { highWaterMark: 256 * 1024 });
  let rows: number;
  try {
    rows = await session.client.query(new CopyFrom(copySql, source)).done;
  } catch (error) {
    throw (
      (await copyFormatError(error, file, columns, options.delimiter ?? ",")) ?? session.wrap(error, copySql)
    );
  } finally {
    source.destroy();
  }
  const [detected] = await session.rows(detectionSql(text, columns));
  const types = columnTypesFrom(detected ?? {}, columns, options.columnTypes);
  const temp = scratch(relation, "tmp");
  await session.run(`CREATE TABLE ${d.quoteRelation(temp)} AS ${typedSelect(text, columns, types)}`);
  await session.analyze(temp);
  await replaceWith(session, relation, () => session.rename(temp, relation));
  return rows;
}

/**
 * COPY is strict already: a ragged row or an open quote fails with SQLSTATE 22P04 and the line in
 * the error's context, but it does not say how many fields it found. The local file is read again
 * to say so, in the words every warehouse uses; COPY's own message is the fallback.
 */
async function copyFormatError(
  error: unknown,
  file: string,
  columns: string[],
  delimiter: string,
): Promise<CsvFormatError | undefined> {
  const e = error as { code?: string; message?: string; where?: string };
  if (e.code !== "22P04") return undefined;
  try {
    await checkCsv(file, columns, delimiter);
  } catch (precise) {
    if (precise instanceof CsvFormatError) return precise;
  }
  const line = Number(/line (\d+)/.exec(e.where ?? "")?.[1]) || undefined;
  const message = e.message ?? "";
  return new CsvFormatError(
    line,
    /unterminated CSV quoted field/.test(message) ? UNTERMINATED_QUOTE : message,
  );
}
