import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  type DuckDBScalarMainFunction,
  type DuckDBType,
  VARCHAR,
} from "@duckdb/node-api";
import { ApiFailure } from "./errors.ts";
import type { FunctionDefinition } from "./translate.ts";

/**
 * GoogleSQL types a JavaScript UDF takes and returns here, and their JavaScript values
 * (https://cloud.google.com/bigquery/docs/user-defined-functions#sql-type-encodings-in-javascript):
 * STRING a string, FLOAT64 a number, BOOL a boolean; an INT64 argument arrives as a number (an
 * INT64 result is not supported by BigQuery, "Use FLOAT64 or STRING").
 */
const TYPES: Record<string, { duck: DuckDBType; toJs: (v: unknown) => unknown; result: boolean }> = {
  STRING: { duck: VARCHAR, toJs: (v) => v, result: true },
  FLOAT64: { duck: DOUBLE, toJs: (v) => v, result: true },
  BOOL: { duck: BOOLEAN, toJs: (v) => v, result: true },
  INT64: { duck: BIGINT, toJs: (v) => (typeof v === "bigint" ? Number(v) : v), result: false },
};

function typeOf(type: string, role: "argument" | "result") {
  const t = TYPES[type];
  if (!t) throw ApiFailure.of("invalidQuery", `the stand-in has no JavaScript UDF ${role} of type ${type}`);
  if (role === "result" && !t.result)
    throw ApiFailure.of("invalidQuery", `Unsupported return type ${type} for a JavaScript UDF; use FLOAT64`);
  return t;
}

/** The DuckDB scalar function of a JavaScript UDF: its types and the per-row call of its code. */
export function javascriptFunction(udf: FunctionDefinition): {
  parameterTypes: DuckDBType[];
  returnType: DuckDBType;
  mainFunction: DuckDBScalarMainFunction;
  specialHandling: boolean;
} {
  const params = udf.params.map((p) => typeOf(p.type, "argument"));
  const returns = typeOf(udf.returns, "result");
  let code: (...args: unknown[]) => unknown;
  try {
    code = new Function(...udf.params.map((p) => p.name), udf.body) as (...args: unknown[]) => unknown;
  } catch (error) {
    throw ApiFailure.of(
      "invalidQuery",
      `SyntaxError in the function's JavaScript: ${(error as Error).message}`,
    );
  }
  return {
    parameterTypes: params.map((p) => p.duck),
    returnType: returns.duck,
    // NULL arguments reach the code as null (BigQuery calls the function for them too).
    specialHandling: true,
    mainFunction: (_info, input, output) => {
      const vectors = params.map((_, i) => input.getColumnVector(i));
      for (let row = 0; row < input.rowCount; row++) {
        const args = vectors.map((v, i) => {
          const value = v.getItem(row);
          return value === null ? null : params[i]!.toJs(value);
        });
        const value = code(...args);
        output.setItem(row, (value ?? null) as never);
      }
      output.flush();
    },
  };
}

/** Levenshtein distance over code points (Array.from), one row of the table at a time. */
function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[y.length]!;
}

/**
 * EDIT_DISTANCE of two STRINGs counts characters (Unicode code points; bytes only for BYTES:
 * https://cloud.google.com/bigquery/docs/reference/standard-sql/string_functions#edit_distance).
 * DuckDB's levenshtein counts bytes (é is two), so the stand-in registers its own:
 * `bq_edit_distance`, NULL when either value is NULL.
 */
export const editDistanceFunction = {
  name: "bq_edit_distance",
  parameterTypes: [VARCHAR, VARCHAR],
  returnType: BIGINT,
  mainFunction: ((_info, input, output) => {
    const [a, b] = [input.getColumnVector(0), input.getColumnVector(1)];
    for (let row = 0; row < input.rowCount; row++) {
      output.setItem(row, BigInt(editDistance(a.getItem(row) as string, b.getItem(row) as string)));
    }
    output.flush();
  }) satisfies DuckDBScalarMainFunction,
};
