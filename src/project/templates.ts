import { createRequire } from "node:module";
import type HandlebarsNamespace from "handlebars";
import type { SourceConfig } from "../config/schema.ts";
import { suggestion } from "../did-you-mean.ts";
import type { Diagnostic } from "../errors.ts";
import { normalizeSql } from "../identity/normalize-sql.ts";
import type { Ruleset } from "../identity/rules.ts";
import {
  DATE_PARTS,
  type DatePart,
  type Dialect,
  PORTABLE_TYPES,
  type PortableType,
} from "../warehouse/types.ts";
import { type Program, Unsupported } from "./sql-template/ast.ts";
import { parseTemplate } from "./sql-template/parse.ts";
import { type Helper, renderProgram } from "./sql-template/render.ts";
import type { RefUse } from "./types.ts";

/**
 * Handlebars with the project's helpers. Rendering never throws for a problem in one template:
 * problems become diagnostics, so compile can report every broken file at once.
 *
 * `ref` and `self` cannot be resolved while rendering (the target may be an ephemeral model whose
 * config is only known once it is rendered too), so they leave a marker that compile replaces.
 */
const MARK = "\u0000";
export const REF_MARKER = new RegExp(`${MARK}([^${MARK}]*)${MARK}`, "g");
export const refMarker = (name: string) => `${MARK}${name}${MARK}`;
export const SELF_MARKER = refMarker("");

interface HelperOptions {
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

export interface TemplateContext {
  isIncremental: boolean;
  target: { name: string; type: string; schema: string };
}

export interface EngineOptions {
  dialect: Dialect;
  /** Identity rulesets, for `{{identity_normalize}}`. */
  rulesets?: Record<string, Ruleset>;
  vars: Record<string, unknown>;
  sources: Record<string, SourceConfig>;
}

/**
 * The helper a `{{var ...}}` mustache calls: templates are rewritten (see `routeVarOutput`) so
 * that a value written into the SQL is checked, while `(var ...)` as a subexpression is not.
 */
const VAR_OUTPUT = "__cdp_var_output";

/** A value that cannot change a statement's shape when pasted into it. */
function isPlainValue(value: unknown): boolean {
  if (typeof value === "boolean") return true;
  if (typeof value === "number" || typeof value === "bigint") return Number.isFinite(Number(value));
  if (typeof value !== "string") return false;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) || /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value);
}

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

/** Points every `{{var ...}}` mustache of a parsed template at VAR_OUTPUT. */
function routeVarOutput(program: Program): Program {
  for (const s of program.body) {
    if (s.type === "mustache" && s.call.path.original === "var" && !s.call.path.data) {
      s.call.path = { ...s.call.path, original: VAR_OUTPUT, parts: [VAR_OUTPUT] };
    } else if (s.type === "block") {
      routeVarOutput(s.program);
      if (s.inverse) routeVarOutput(s.inverse);
    }
  }
  return program;
}

/** The same for Handlebars' own AST (templates the fast path leaves to Handlebars). */
function routeVarOutputHbs(node: unknown): void {
  if (!node || typeof node !== "object") return;
  const n = node as {
    type?: string;
    path?: { type?: string; original?: string; parts?: string[]; head?: unknown };
  };
  if (n.type === "MustacheStatement" && n.path?.type === "PathExpression" && n.path.original === "var") {
    n.path.original = VAR_OUTPUT;
    n.path.parts = [VAR_OUTPUT];
    if (typeof n.path.head === "string") n.path.head = VAR_OUTPUT;
  }
  for (const key of ["body", "program", "inverse"] as const) {
    const child = (node as Record<string, unknown>)[key];
    if (Array.isArray(child)) for (const c of child) routeVarOutputHbs(c);
    else routeVarOutputHbs(child);
  }
}

const HBS_OPTIONS = { noEscape: true, strict: true };

let current: RenderState | undefined;

function state(): RenderState {
  if (!current) throw new Error("template helper called outside a render");
  return current;
}

function lineOf(options: HelperOptions): number | undefined {
  return options.loc?.start.line;
}

function report(options: HelperOptions, message: string, hint?: string): void {
  const s = state();
  s.diagnostics.push({ file: s.file, line: lineOf(options), node: s.node, message, hint });
}

/** Splits helper arguments into positional values and Handlebars' options object. */
function split(args: unknown[]): [unknown[], HelperOptions] {
  const options = args[args.length - 1] as HelperOptions;
  return [args.slice(0, -1), options];
}

/** Parses Handlebars' own error messages into a line and a readable message. */
export function templateErrorDiagnostic(
  error: Error,
  file: string,
  node: string,
  raw: string,
  names: string[] = [],
): Diagnostic {
  const text = error.message;
  let line: number | undefined;
  let column: number | undefined;
  let message = text.split("\n")[0] ?? text;
  const parse = /Parse error on line (\d+):\n[^\n]*\n[^\n]*\n(.*)$/s.exec(text);
  const located = / - (\d+):(\d+)$/.exec(text);
  if (parse) {
    line = Number(parse[1]);
    const got = /got '([A-Z_]+)'/.exec(parse[2] ?? "")?.[1];
    message =
      got === "EOF"
        ? "template syntax error: the file ends inside an open block or tag (a missing {{/...}} or }})"
        : `template syntax error${got ? ` near ${got.toLowerCase()}` : ""}: ${text.split("\n").slice(1, 3).join(" | ")}`;
  } else if (located) {
    line = Number(located[1]);
    column = Number(located[2]) + 1;
    message = text.replace(/ - \d+:\d+$/, "").replace(/ in \[object Object\]/, "");
    const missing = /^"([^"]+)" not defined/.exec(message);
    if (missing) {
      message = `"${missing[1]}" is not defined in this template (a misspelt helper or variable?).${suggestion(missing[1]!, names)}`;
    }
  } else {
    const partial = /The partial (\S+) could not be found/.exec(text);
    if (partial) {
      message = `partial "${partial[1]}" does not exist (partials are the .sql files in partials/)`;
      const idx = raw
        .split("\n")
        .findIndex((l) => l.includes(`{{> ${partial[1]}`) || l.includes(`{{>${partial[1]}`));
      if (idx >= 0) line = idx + 1;
    }
  }
  return { file, line, column, node, message: `${message}` };
}

export class TemplateEngine {
  private readonly helpers: Record<string, Helper> = {};
  private handlebars: typeof HandlebarsNamespace | undefined;

  /** Off only in the tests that compare the fast path with Handlebars. */
  fastPath = true;

  constructor(private readonly options: EngineOptions) {
    this.registerHelpers();
  }

  private readonly partialSources = new Map<string, string>();
  private readonly parsedPartials = new Map<string, Program>();

  registerPartial(name: string, source: string): void {
    this.partialSources.set(name, source);
  }

  /**
   * Handlebars itself, loaded on first use: only templates the fast path leaves to it (rare
   * syntax, syntax errors) pay for loading it.
   */
  private get hbs(): typeof HandlebarsNamespace {
    if (!this.handlebars) {
      const Handlebars = createRequire(import.meta.url)("handlebars") as typeof HandlebarsNamespace;
      const hbs = Handlebars.create();
      for (const [name, helper] of Object.entries(this.helpers)) hbs.registerHelper(name, helper);
      for (const [name, source] of this.partialSources)
        hbs.registerPartial(name, hbs.compile(this.parseHbs(hbs, source), HBS_OPTIONS));
      this.handlebars = hbs;
    }
    return this.handlebars;
  }

  /** Handlebars' AST of a template, with `{{var}}` mustaches routed to VAR_OUTPUT. */
  private parseHbs(hbs: typeof HandlebarsNamespace, source: string): ReturnType<typeof hbs.parse> {
    const ast = hbs.parse(source);
    routeVarOutputHbs(ast);
    return ast;
  }

  private partial = (name: string): Program | undefined => {
    let program = this.parsedPartials.get(name);
    if (!program) {
      const source = this.partialSources.get(name);
      if (source === undefined) return undefined;
      program = routeVarOutput(parseTemplate(source));
      this.parsedPartials.set(name, program);
    }
    return program;
  };

  /**
   * The fast path: our own parser and evaluator for the subset SQL templates use. Templates it
   * does not handle (and every syntax error) go to Handlebars, so results and messages are its.
   */
  private renderFast(raw: string, ctx: Record<string, unknown>): string | undefined {
    let program: Program;
    try {
      program = routeVarOutput(parseTemplate(raw));
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
    try {
      return renderProgram(program, ctx, { helpers: this.helpers, partial: this.partial });
    } catch (error) {
      if (error instanceof Unsupported) return undefined;
      throw error;
    }
  }

  /** Renders one template. Problems are in the returned state's diagnostics. */
  render(
    file: string,
    node: string,
    raw: string,
    context: TemplateContext,
  ): { sql: string; state: RenderState } {
    const s: RenderState = {
      file,
      node,
      refs: [],
      sources: [],
      tests: [],
      usesIsIncremental: false,
      vars: [],
      diagnostics: [],
    };
    const ctx: Record<string, unknown> = { target: context.target };
    Object.defineProperty(ctx, "is_incremental", {
      enumerable: true,
      get() {
        s.usesIsIncremental = true;
        return context.isIncremental;
      },
    });
    current = s;
    try {
      const fast = this.fastPath ? this.renderFast(raw, ctx) : undefined;
      if (fast !== undefined) return { sql: fast, state: s };
      // Handlebars may have seen part of the template already through the fast path's helpers.
      s.refs = [];
      s.sources = [];
      s.tests = [];
      s.config = undefined;
      s.vars = [];
      s.diagnostics = [];
      const template = this.hbs.compile(this.parseHbs(this.hbs, raw), HBS_OPTIONS);
      const sql = template(ctx, { allowedProtoProperties: {} });
      return { sql, state: s };
    } catch (error) {
      const names = [...Object.keys(this.helpers), ...Object.keys(ctx)].filter((n) => !n.endsWith("Missing"));
      s.diagnostics.push(templateErrorDiagnostic(error as Error, file, node, raw, names));
      return { sql: "", state: s };
    } finally {
      current = undefined;
    }
  }

  private registerHelpers(): void {
    const { dialect, vars, sources } = this.options;
    const h = {
      registerHelper: (name: string, fn: Helper) => {
        this.helpers[name] = fn;
      },
    };

    h.registerHelper("ref", (...args: unknown[]) => {
      const [positional, options] = split(args);
      const name = positional[0];
      if (typeof name !== "string" || positional.length !== 1) {
        report(options, `ref takes one model or seed name, e.g. {{ref "stg_orders"}}`);
        return "";
      }
      state().refs.push({ name, line: lineOf(options) });
      return refMarker(name);
    });

    h.registerHelper("self", () => SELF_MARKER);

    h.registerHelper("source", (...args: unknown[]) => {
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
      state().sources.push({ source: sourceName, table, line: lineOf(options) });
      return dialect.quoteRelation({ database: source.database, schema: source.schema, name: real });
    });

    h.registerHelper("config", (...args: unknown[]) => {
      const [positional, options] = split(args);
      const s = state();
      if (positional.length)
        report(options, 'config takes only key=value pairs, e.g. {{config materialized="table"}}');
      if (s.config)
        report(options, "config is declared twice in this file; merge the two into one {{config}}");
      s.config = { ...options.hash };
      s.configLine = lineOf(options);
      return "";
    });

    const lookupVar = (positional: unknown[], options: HelperOptions): unknown => {
      const name = positional[0];
      if (typeof name !== "string") {
        report(options, `var takes a variable name, e.g. {{var "start_date"}}`);
        return "";
      }
      if (current && !current.vars.includes(name)) current.vars.push(name);
      if (Object.hasOwn(vars, name)) return vars[name];
      if (positional.length > 1) return positional[1];
      report(
        options,
        `variable "${name}" is not defined.${suggestion(name, Object.keys(vars))}`,
        'define it under `vars` in cdp.config.ts, pass --vars, or give a default: {{var "name" "default"}}',
      );
      return undefined;
    };
    // As a subexpression, `(var "x")` hands the value itself to another helper.
    h.registerHelper("var", (...args: unknown[]) => {
      const [positional, options] = split(args);
      return lookupVar(positional, options);
    });
    // Written straight into the SQL, `{{var "x"}}` (see VAR_OUTPUT) is pasted as it is: only
    // values that cannot change the statement's shape pass, unless `raw=true` asks for text.
    h.registerHelper(VAR_OUTPUT, (...args: unknown[]) => {
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
    });

    h.registerHelper("test", (...args: unknown[]) => {
      const [positional, options] = split(args);
      const kind = positional[0];
      if (typeof kind !== "string") {
        report(options, `test takes a test name, e.g. {{test "not_null" column="id"}}`);
        return "";
      }
      state().tests.push({ kind, args: { ...options.hash }, line: lineOf(options) });
      return "";
    });

    h.registerHelper("quote", (...args: unknown[]) => {
      const [positional] = split(args);
      return positional.map((p) => dialect.quoteIdentifier(String(p))).join(".");
    });

    h.registerHelper("literal", (...args: unknown[]) => {
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
    });

    // Dialect helpers: one spelling in the model, the right SQL on every warehouse.
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
    const expressions = (name: string, count: number, usage: string) => (args: unknown[]) => {
      const [positional, options] = split(args);
      if (positional.length !== count || positional.some((p) => p === undefined || p === null)) {
        report(options, `${name} takes ${count} argument${count === 1 ? "" : "s"}, e.g. ${usage}`);
        return undefined;
      }
      return { values: positional.map(String), options };
    };
    h.registerHelper("sha256", (...args: unknown[]) => {
      const a = expressions("sha256", 1, `{{sha256 "lower(email)"}}`)(args);
      return a ? dialect.sha256(a.values[0]!) : "";
    });
    h.registerHelper("type", (...args: unknown[]) => {
      const a = expressions("type", 1, `{{type "string"}}`)(args);
      const type = a && typeArg(a.values[0], a.options);
      return type ? dialect.typeName(type) : "";
    });
    h.registerHelper("cast", (...args: unknown[]) => {
      const a = expressions("cast", 2, `{{cast "phone" "string"}}`)(args);
      const type = a && typeArg(a.values[1], a.options);
      return a && type ? dialect.cast(a.values[0]!, type) : "";
    });
    h.registerHelper("regexp_replace", (...args: unknown[]) => {
      const a = expressions("regexp_replace", 3, `{{regexp_replace "phone" "[^0-9]" ""}}`)(args);
      return a ? dialect.regexpReplace(a.values[0]!, a.values[1]!, a.values[2]!) : "";
    });
    h.registerHelper("levenshtein", (...args: unknown[]) => {
      const a = expressions("levenshtein", 2, `{{levenshtein "a.name" "b.name"}}`)(args);
      return a ? dialect.levenshtein(a.values[0]!, a.values[1]!) : "";
    });
    h.registerHelper("date_add", (...args: unknown[]) => {
      const a = expressions("date_add", 3, `{{date_add "ordered_at" -3 "day"}}`)(args);
      const part = a && partArg(a.values[2], a.options);
      const amount = a ? Number(a.values[1]) : Number.NaN;
      if (a && !Number.isInteger(amount))
        report(a.options, `date_add needs a whole number, got ${a.values[1]}`);
      return a && part && Number.isInteger(amount) ? dialect.dateAdd(a.values[0]!, amount, part) : "";
    });
    h.registerHelper("date_diff", (...args: unknown[]) => {
      const a = expressions("date_diff", 3, `{{date_diff "day" "first_seen" "last_seen"}}`)(args);
      const part = a && partArg(a.values[0], a.options);
      return a && part ? dialect.dateDiff(part, a.values[1]!, a.values[2]!) : "";
    });

    h.registerHelper("current_timestamp", () => dialect.currentTimestamp());

    // Survivorship, for golden records: aggregates over the rows of one profile.
    h.registerHelper("most_recent", (...args: unknown[]) => {
      const a = expressions("most_recent", 2, `{{most_recent "email" "seen_at"}}`)(args);
      return a ? dialect.pickBy(a.values[0]!, a.values[1]!, "desc") : "";
    });
    h.registerHelper("most_frequent", (...args: unknown[]) => {
      const a = expressions("most_frequent", 1, `{{most_frequent "city"}}`)(args);
      return a ? dialect.mostFrequent(a.values[0]!) : "";
    });
    h.registerHelper("by_priority", (...args: unknown[]) => {
      const a = expressions(
        "by_priority",
        3,
        `{{by_priority "first_name" "source" "crm,loyalty,app"}}`,
      )(args);
      if (!a) return "";
      const order = a.values[2]!.split(",").map((s) => s.trim());
      const rank = `CASE ${order.map((s, i) => `WHEN ${a.values[1]} = ${dialect.literal(s)} THEN ${i}`).join(" ")} ELSE ${order.length} END`;
      return dialect.pickBy(a.values[0]!, rank, "asc");
    });
    // The exact normalisation a stitch ruleset applies, to look records up in its output.
    h.registerHelper("identity_normalize", (...args: unknown[]) => {
      const a = expressions(
        "identity_normalize",
        3,
        `{{identity_normalize "phone" "phone_raw" "recommended"}}`,
      )(args);
      if (!a) return "";
      const rules = this.options.rulesets?.[a.values[2]!];
      if (!rules) {
        report(
          a.options,
          `unknown identity ruleset "${a.values[2]}".${suggestion(a.values[2]!, Object.keys(this.options.rulesets ?? {}))}`,
        );
        return "";
      }
      return normalizeSql(dialect, rules, dialect.literal(a.values[0]), a.values[1]!);
    });

    h.registerHelper("helperMissing", (...args: unknown[]) => {
      const [, options] = split(args);
      const name = (options as unknown as { name: string }).name;
      const known = Object.keys(this.helpers).filter((n) => n !== "helperMissing");
      report(options, `unknown helper "${name}".${suggestion(name, known)}`);
      return "";
    });
  }
}
