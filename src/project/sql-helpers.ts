import { suggestion } from "../did-you-mean.ts";
import { normalizeSql } from "../identity/stitch/normalize-sql.ts";
import type { Ruleset } from "../identity/stitch/rules.ts";
import {
  DATE_PARTS,
  type DatePart,
  type Dialect,
  PORTABLE_TYPES,
  type PortableType,
} from "../warehouse/types.ts";
import type { Helper } from "./sql-template/render.ts";
import {
  type CurrentRender,
  expressionsOf,
  type HelperOptions,
  reporter,
  split,
} from "./template-helpers.ts";

/** The template helpers that write SQL: what differs between warehouses, said once in the model. */

/** Why `literal` cannot write `value`, or undefined when it can. */
function literalProblem(value: unknown): string | undefined {
  const one = (v: unknown): string | undefined => {
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (Array.isArray(v)) return "a nested list";
    if (v !== null && typeof v === "object" && !(v instanceof Date)) return "an object";
    if (typeof v === "function" || typeof v === "symbol") return `a ${typeof v}`;
    return undefined;
  };
  if (!Array.isArray(value)) return one(value);
  if (value.length === 0) return "an empty list (SQL has no empty IN list)";
  for (const v of value) {
    const problem = one(v);
    if (problem) return `a list holding ${problem}`;
  }
  return undefined;
}

/** Dialect helpers: one spelling in the model, the right SQL on every warehouse. */
export function dialectHelpers(current: CurrentRender, dialect: Dialect): Record<string, Helper> {
  const report = reporter(current);
  const expressions = expressionsOf(current);
  const typeArg = (value: unknown, options: HelperOptions): PortableType | undefined => {
    if (PORTABLE_TYPES.includes(value as PortableType)) return value as PortableType;
    report(
      options,
      `unknown type "${String(value)}".${suggestion(String(value), PORTABLE_TYPES)} Types: ${PORTABLE_TYPES.join(", ")}`,
    );
    return undefined;
  };
  const partArg = (value: unknown, options: HelperOptions): DatePart | undefined => {
    if (DATE_PARTS.includes(value as DatePart)) return value as DatePart;
    report(
      options,
      `unknown date part "${String(value)}".${suggestion(String(value), DATE_PARTS)} Parts: ${DATE_PARTS.join(", ")}`,
    );
    return undefined;
  };
  return {
    quote: (...args: unknown[]) => {
      const [positional] = split(args);
      return positional.map((p) => dialect.quoteIdentifier(String(p))).join(".");
    },
    literal: (...args: unknown[]) => {
      const [positional, options] = split(args);
      const value = positional[0];
      const problem = positional.length === 1 ? literalProblem(value) : "more than one value";
      if (problem) {
        report(
          options,
          `literal cannot write ${problem} as SQL`,
          'literal takes a string, number, boolean, null or a flat list of them, e.g. {{literal (var "statuses")}}',
        );
        return "";
      }
      return Array.isArray(value) ? value.map((v) => dialect.literal(v)).join(", ") : dialect.literal(value);
    },
    sha256: (...args: unknown[]) => {
      const a = expressions("sha256", 1, `{{sha256 "lower(email)"}}`, args);
      return a ? dialect.sha256(a.values[0]!) : "";
    },
    type: (...args: unknown[]) => {
      const a = expressions("type", 1, `{{type "string"}}`, args);
      const type = a && typeArg(a.values[0], a.options);
      return type ? dialect.typeName(type) : "";
    },
    cast: (...args: unknown[]) => {
      const a = expressions("cast", 2, `{{cast "phone" "string"}}`, args);
      const type = a && typeArg(a.values[1], a.options);
      return a && type ? dialect.cast(a.values[0]!, type) : "";
    },
    regexp_replace: (...args: unknown[]) => {
      const a = expressions("regexp_replace", 3, `{{regexp_replace "phone" "[^0-9]" ""}}`, args);
      return a ? dialect.regexpReplace(a.values[0]!, a.values[1]!, a.values[2]!) : "";
    },
    levenshtein: (...args: unknown[]) => {
      const a = expressions("levenshtein", 2, `{{levenshtein "a.name" "b.name"}}`, args);
      return a ? dialect.levenshtein(a.values[0]!, a.values[1]!) : "";
    },
    date_add: (...args: unknown[]) => {
      const a = expressions("date_add", 3, `{{date_add "ordered_at" -3 "day"}}`, args);
      const part = a && partArg(a.values[2], a.options);
      const amount = a ? Number(a.values[1]) : Number.NaN;
      if (a && !Number.isInteger(amount))
        report(a.options, `date_add needs a whole number, got ${a.values[1]}`);
      return a && part && Number.isInteger(amount) ? dialect.dateAdd(a.values[0]!, amount, part) : "";
    },
    date_diff: (...args: unknown[]) => {
      const a = expressions("date_diff", 3, `{{date_diff "day" "first_seen" "last_seen"}}`, args);
      const part = a && partArg(a.values[0], a.options);
      return a && part ? dialect.dateDiff(part, a.values[1]!, a.values[2]!) : "";
    },
    current_timestamp: () => dialect.currentTimestamp(),
  };
}

/** Survivorship, for golden records: aggregates over the rows of one profile. */
export function survivorshipHelpers(current: CurrentRender, dialect: Dialect): Record<string, Helper> {
  const expressions = expressionsOf(current);
  return {
    most_recent: (...args: unknown[]) => {
      const a = expressions("most_recent", 2, `{{most_recent "email" "seen_at"}}`, args);
      return a ? dialect.pickBy(a.values[0]!, a.values[1]!, "desc") : "";
    },
    most_frequent: (...args: unknown[]) => {
      const a = expressions("most_frequent", 1, `{{most_frequent "city"}}`, args);
      return a ? dialect.mostFrequent(a.values[0]!) : "";
    },
    by_priority: (...args: unknown[]) => {
      const a = expressions(
        "by_priority",
        3,
        `{{by_priority "first_name" "source" "crm,loyalty,app"}}`,
        args,
      );
      if (!a) return "";
      const order = a.values[2]!.split(",").map((s) => s.trim());
      const rank = `CASE ${order.map((s, i) => `WHEN ${a.values[1]} = ${dialect.literal(s)} THEN ${i}`).join(" ")} ELSE ${order.length} END`;
      return dialect.pickBy(a.values[0]!, rank, "asc");
    },
  };
}

/** The exact normalisation a stitch ruleset applies, to look records up in its output. */
export function identityHelpers(
  current: CurrentRender,
  dialect: Dialect,
  rulesets: Record<string, Ruleset> | undefined,
): Record<string, Helper> {
  const report = reporter(current);
  const expressions = expressionsOf(current);
  return {
    identity_normalize: (...args: unknown[]) => {
      const a = expressions(
        "identity_normalize",
        3,
        `{{identity_normalize "phone" "phone_raw" "recommended"}}`,
        args,
      );
      if (!a) return "";
      const rules = rulesets?.[a.values[2]!];
      if (!rules) {
        report(
          a.options,
          `unknown identity ruleset "${a.values[2]}".${suggestion(a.values[2]!, Object.keys(rulesets ?? {}))}`,
        );
        return "";
      }
      return normalizeSql(dialect, rules, dialect.literal(a.values[0]), a.values[1]!);
    },
  };
}
