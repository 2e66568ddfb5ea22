/**
 * Type parsers that turn PostgreSQL's text values into the contract every dialect returns (see
 * `Warehouse.query`). They are given to each client and cursor, never registered globally in
 * `pg.types`: other code in the same process using pg keeps pg's defaults.
 */
export type TypeParser = (value: string) => unknown;

/** The part of pg's type registry the clients call. */
export interface TypeParsers {
  getTypeParser(oid: number, format?: "text" | "binary"): TypeParser | ((value: Buffer) => unknown);
}

/** Type oids from `pg_type`, fixed in every PostgreSQL release. */
const OID = { int8: 20, date: 1082, timestamp: 1114 } as const;

/** BIGINT: a number when it is exact, a bigint beyond 2^53. */
export const parseInt8: TypeParser = (value) => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : BigInt(value);
};

/** DATE stays its `YYYY-MM-DD` text: a Date would shift it by the machine's time zone. */
const parseDate: TypeParser = (value) => value;

/**
 * TIMESTAMP (without time zone): a wall-clock time that cdp treats as UTC, like the sessions it
 * opens. pg's default would read it in the machine's local time zone.
 */
export const parseTimestamp: TypeParser = (value) => {
  const date = new Date(`${value.replace(" ", "T")}Z`);
  // `infinity`, BC dates and other values JS cannot represent stay text.
  return Number.isNaN(date.getTime()) ? value : date;
};

/**
 * Parsers for one pool: our own for the types whose pg default breaks the contract, pg's defaults
 * (NUMERIC as exact text, TIMESTAMPTZ as Date, JSON parsed, BOOLEAN) for the rest.
 */
export function typeParsers(defaults: TypeParsers): TypeParsers {
  return {
    getTypeParser(oid, format = "text") {
      if (format === "text") {
        if (oid === OID.int8) return parseInt8;
        if (oid === OID.date) return parseDate;
        if (oid === OID.timestamp) return parseTimestamp;
      }
      return defaults.getTypeParser(oid, format);
    },
  };
}
