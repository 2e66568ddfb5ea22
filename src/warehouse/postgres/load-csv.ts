import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { WarehouseError } from "../../errors.ts";
import type { CsvLoadOptions, Relation } from "../types.ts";
import { CopyFrom } from "./copy.ts";
import { columnTypesFrom, detectionSql, readCsvHeader, typedSelect, unknownOverrides } from "./csv.ts";
import { postgresDialect as d } from "./dialect.ts";
import { type Session, scratch } from "./session.ts";
import { replaceWith } from "./swap.ts";

/** The header of a seed file, checked against its `columnTypes`, before any transaction opens. */
export async function seedColumns(file: string, options: CsvLoadOptions): Promise<string[]> {
  const columns = await readCsvHeader(file, options.delimiter ?? ",");
  if (!columns.length) throw new WarehouseError(`${file} is empty: a seed needs at least a header line`);
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
    throw session.wrap(error, copySql);
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
