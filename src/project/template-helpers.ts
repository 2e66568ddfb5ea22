import type { SourceConfig } from "../config/schema.ts";
import { suggestion } from "../did-you-mean.ts";
import type { Diagnostic } from "../errors.ts";
import type { Dialect } from "../warehouse/types.ts";
import type { Helper } from "./sql-template/render.ts";
import type { RefUse } from "./types.ts";

/**
 * The template helpers, as tables grouped by kind: the project's here (`ref`, `source`,
 * `config`...), the SQL ones in `sql-helpers.ts` (dialect, survivorship, identity). A helper never throws for a problem in a template: it records a diagnostic in the
 * render's state, so compile can report every broken file at once.
 *
 * `ref` and `self` cannot be resolved while rendering (the target may be an ephemeral model whose
 * config is only known once it is rendered too), so they leave a marker that compile replaces.
 */
const MARK = "\u0000";
export const REF_MARKER = new RegExp(`${MARK}([^${MARK}]*)${MARK}`, "g");
export const refMarker = (name: string) => `${MARK}${name}${MARK}`;
export const SELF_MARKER = refMarker("");
/** Between a ref's model name and the side table it names (`{{ref "m" side="cuts"}}`). */
export const SIDE = "\u0001";
/** The tables stitch and match models keep next to their output, as `<model>__<side>`. */
const SIDE_TABLES = ["cannot_links", "match_params", "cuts", "links", "merges", "profiles"];

export interface HelperOptions {
  hash: Record<string, unknown>;
  loc?: { start: { line: number; column: number } };
  fn?: unknown;
}

export interface DeclaredTest {
  kind: string;
  args: Record<string, unknown>;
  line?: number;
}

/** What one render of one template found. */
export interface RenderState {
  file: string;
  node: string;
  refs: RefUse[];
  sources: { source: string; table: string; line?: number }[];
  config?: Record<string, unknown>;
  configLine?: number;
  tests: DeclaredTest[];
  usesIsIncremental: boolean;
  /** The vars the template read (`state:modified` compares their values between runs). */
  vars: string[];
  diagnostics: Diagnostic[];
}

/**
 * The helper a `{{var ...}}` mustache calls: templates are rewritten (see `routeVarOutput` in
 * templates.ts) so that a value written into the SQL is checked, while `(var ...)` as a
 * subexpression is not.
 */
export const VAR_OUTPUT = "__cdp_var_output";

/** A value that cannot change a statement's shape when pasted into it. */
function isPlainValue(value: unknown): boolean {
  if (typeof value === "boolean") return true;
  if (typeof value === "number" || typeof value === "bigint") return Number.isFinite(Number(value));
  if (typeof value !== "string") return false;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) || /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value);
}

/** The state of the render in progress, which helpers record into. */
export type CurrentRender = () => RenderState;

function lineOf(options: HelperOptions): number | undefined {
  return options.loc?.start.line;
}

/** Splits helper arguments into positional values and Handlebars' options object. */
export function split(args: unknown[]): [unknown[], HelperOptions] {
  const options = args[args.length - 1] as HelperOptions;
  return [args.slice(0, -1), options];
}

export function reporter(current: CurrentRender) {
  return (options: HelperOptions, message: string, hint?: string): void => {
    const s = current();
    s.diagnostics.push({ file: s.file, line: lineOf(options), node: s.node, message, hint });
  };
}

/** `ref`, `self`, `source`, `config`, `var`, `test`: what a template declares about itself. */
export function projectHelpers(
  current: CurrentRender,
  dialect: Dialect,
  vars: Record<string, unknown>,
  sources: Record<string, SourceConfig>,
): Record<string, Helper> {
  const report = reporter(current);
  const lookupVar = (positional: unknown[], options: HelperOptions): unknown => {
    const name = positional[0];
    if (typeof name !== "string") {
      report(options, `var takes a variable name, e.g. {{var "start_date"}}`);
      return "";
    }
    const read = current().vars;
    if (!read.includes(name)) read.push(name);
    if (Object.hasOwn(vars, name)) return vars[name];
    if (positional.length > 1) return positional[1];
    report(
      options,
      `variable "${name}" is not defined.${suggestion(name, Object.keys(vars))}`,
      'define it under `vars` in cdp.config.ts, pass --vars, or give a default: {{var "name" "default"}}',
    );
    return undefined;
  };
  return {
    ref: (...args: unknown[]) => {
      const [positional, options] = split(args);
      const name = positional[0];
      if (typeof name !== "string" || positional.length !== 1) {
        report(options, `ref takes one model or seed name, e.g. {{ref "stg_orders"}}`);
        return "";
      }
      current().refs.push({ name, line: lineOf(options) });
      // `side="cannot_links"`: a table a stitch or match model keeps next to its output.
      const side = options.hash.side;
      if (side === undefined) return refMarker(name);
      if (typeof side !== "string" || !SIDE_TABLES.includes(side)) {
        report(options, `ref's side must be one of ${SIDE_TABLES.join(", ")}`);
        return "";
      }
      return refMarker(`${name}${SIDE}${side}`);
    },
    self: () => SELF_MARKER,
    source: (...args: unknown[]) => {
      const [positional, options] = split(args);
      const [sourceName, table] = positional;
      if (typeof sourceName !== "string" || typeof table !== "string") {
        report(options, `source takes a source and a table name, e.g. {{source "crm" "contacts"}}`);
        return "";
      }
      const source = sources[sourceName];
      if (!source) {
        const known = Object.keys(sources);
        report(
          options,
          `unknown source "${sourceName}".${suggestion(sourceName, known)}`,
          known.length
            ? `declared sources: ${known.join(", ")}`
            : "declare sources under `sources` in cdp.config.ts",
        );
        return "";
      }
      const tables = Array.isArray(source.tables)
        ? Object.fromEntries(source.tables.map((t) => [t, t]))
        : source.tables;
      const real = tables[table];
      if (!real) {
        report(
          options,
          `source "${sourceName}" has no table "${table}".${suggestion(table, Object.keys(tables))}`,
        );
        return "";
      }
      current().sources.push({ source: sourceName, table, line: lineOf(options) });
      return dialect.quoteRelation({ database: source.database, schema: source.schema, name: real });
    },
    config: (...args: unknown[]) => {
      const [positional, options] = split(args);
      const s = current();
      if (positional.length)
        report(options, 'config takes only key=value pairs, e.g. {{config materialized="table"}}');
      if (s.config)
        report(options, "config is declared twice in this file; merge the two into one {{config}}");
      s.config = { ...options.hash };
      s.configLine = lineOf(options);
      return "";
    },
    // As a subexpression, `(var "x")` hands the value itself to another helper.
    var: (...args: unknown[]) => {
      const [positional, options] = split(args);
      return lookupVar(positional, options);
    },
    // Written straight into the SQL, `{{var "x"}}` (see VAR_OUTPUT) is pasted as it is: only
    // values that cannot change the statement's shape pass, unless `raw=true` asks for text.
    [VAR_OUTPUT]: (...args: unknown[]) => {
      const [positional, options] = split(args);
      const value = lookupVar(positional, options);
      const raw = options.hash.raw;
      if (raw !== undefined && typeof raw !== "boolean") {
        report(options, 'var\'s raw= takes true or false, e.g. {{var "columns" raw=true}}');
        return "";
      }
      if (raw || value === undefined || value === null || isPlainValue(value)) return value;
      const name = String(positional[0]);
      report(
        options,
        `var "${name}" is written into the SQL as it is, and its value is not a plain number, boolean or word (letters, digits, _)`,
        `write {{literal (var "${name}")}} for a SQL literal (quoted and escaped), or {{var "${name}" raw=true}} to paste SQL text on purpose`,
      );
      return "";
    },
    test: (...args: unknown[]) => {
      const [positional, options] = split(args);
      const kind = positional[0];
      if (typeof kind !== "string") {
        report(options, `test takes a test name, e.g. {{test "not_null" column="id"}}`);
        return "";
      }
      current().tests.push({ kind, args: { ...options.hash }, line: lineOf(options) });
      return "";
    },
  };
}

/** Positional SQL expressions of a helper, or undefined (and a diagnostic) when they are not `count`. */
export function expressionsOf(current: CurrentRender) {
  const report = reporter(current);
  return (name: string, count: number, usage: string, args: unknown[]) => {
    const [positional, options] = split(args);
    if (positional.length !== count || positional.some((p) => p === undefined || p === null)) {
      report(options, `${name} takes ${count} argument${count === 1 ? "" : "s"}, e.g. ${usage}`);
      return undefined;
    }
    return { values: positional.map(String), options };
  };
}

/** Handlebars' hook for an unknown helper: a diagnostic naming the closest known one. */
export function missingHelper(current: CurrentRender, known: () => string[]): Record<string, Helper> {
  const report = reporter(current);
  return {
    helperMissing: (...args: unknown[]) => {
      const [, options] = split(args);
      const name = (options as unknown as { name: string }).name;
      report(options, `unknown helper "${name}".${suggestion(name, known())}`);
      return "";
    },
  };
}
