import { type Call, type Expr, type Program, type Statement, Unsupported } from "./ast.ts";

/** Handlebars' own helpers: a template using one is left to Handlebars. */
const HANDLEBARS_BUILTINS = new Set(["lookup", "log", "blockHelperMissing", "if", "unless", "each", "with"]);

/** A helper as Handlebars calls it: positional params, then an options object. */
export type Helper = (...args: unknown[]) => unknown;

export interface RenderEnv {
  helpers: Record<string, Helper>;
  /** Parsed partials by name; `undefined` when the partial does not exist. */
  partial(name: string): Program | undefined;
}

interface Data {
  index?: number;
  key?: string | number;
  first?: boolean;
  last?: boolean;
  root: unknown;
}

/** The same error Handlebars raises in strict mode, so one parser reads both. */
function notDefined(name: string, loc: { line: number; column: number }): Error {
  return new Error(`"${name}" not defined in [object Object] - ${loc.line}:${loc.column}`);
}

function isEmpty(value: unknown): boolean {
  if (!value && value !== 0) return true;
  return Array.isArray(value) && value.length === 0;
}

/**
 * Evaluates a parsed template with Handlebars' semantics for the supported subset: strict lookups
 * (a missing name is an error, not an empty string), no HTML escaping, helpers called with
 * `{ hash, loc, name }` options.
 */
export function renderProgram(program: Program, context: unknown, env: RenderEnv): string {
  const out: string[] = [];
  body(program.body, context, { root: context }, env, out);
  return out.join("");
}

function body(statements: Statement[], ctx: unknown, data: Data, env: RenderEnv, out: string[]): void {
  for (const s of statements) {
    switch (s.type) {
      case "content":
        if (s.value) out.push(s.value);
        break;
      case "comment":
        break;
      case "mustache": {
        const value = call(s.call, ctx, data, env);
        if (value !== null && value !== undefined) out.push(String(value));
        break;
      }
      case "partial": {
        const partial = env.partial(s.name);
        if (!partial) throw new Error(`The partial ${s.name} could not be found`);
        let text = renderProgram(partial, ctx, env);
        if (s.indent) {
          const lines = text.split("\n");
          for (let i = 0; i < lines.length; i++) {
            if (!lines[i] && i + 1 === lines.length) break;
            lines[i] = s.indent + lines[i];
          }
          text = lines.join("\n");
        }
        out.push(text);
        break;
      }
      case "block": {
        const value = evaluate(s.call.params[0]!, ctx, data, env);
        const name = s.call.path.original;
        const includeZero = s.call.hash.some(([k, v]) => k === "includeZero" && evaluate(v, ctx, data, env));
        // Handlebars' `if`: falsy (0 too, unless includeZero) or an empty array takes the inverse.
        const truthy =
          name === "if" || name === "unless"
            ? !((!includeZero && !value) || isEmpty(value))
            : !isEmpty(value);
        if (name === "if" || name === "unless") {
          const branch = truthy === (name === "if") ? s.program : s.inverse;
          if (branch) body(branch.body, ctx, data, env, out);
        } else if (name === "with") {
          if (truthy) body(s.program.body, value, data, env, out);
          else if (s.inverse) body(s.inverse.body, ctx, data, env, out);
        } else {
          each(s, value, ctx, data, env, out);
        }
        break;
      }
    }
  }
}

function each(
  s: Extract<Statement, { type: "block" }>,
  value: unknown,
  ctx: unknown,
  data: Data,
  env: RenderEnv,
  out: string[],
): void {
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      body(
        s.program.body,
        value[i],
        { root: data.root, index: i, key: i, first: i === 0, last: i === value.length - 1 },
        env,
        out,
      );
      count++;
    }
  } else if (value && typeof value === "object") {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const item = (value as Record<string, unknown>)[key];
      body(
        s.program.body,
        item,
        { root: data.root, index: i, key, first: i === 0, last: i === keys.length - 1 },
        env,
        out,
      );
      count++;
    }
  }
  if (count === 0 && s.inverse) body(s.inverse.body, ctx, data, env, out);
}

/**
 * Handlebars' strict mode checks only simple mustaches (`{{name}}`, `{{a.b}}`): their last part
 * must exist. Helper arguments and block conditions are looked up leniently (undefined).
 */
function lookup(path: Extract<Expr, { type: "path" }>, ctx: unknown, data: Data, strict: boolean): unknown {
  if (path.data) {
    const [head, ...rest] = path.parts;
    let value: unknown = head === "root" ? data.root : (data as unknown as Record<string, unknown>)[head!];
    for (const part of rest) value = value == null ? undefined : (value as Record<string, unknown>)[part];
    return value;
  }
  let value: unknown = ctx;
  for (let i = 0; i < path.parts.length; i++) {
    const part = path.parts[i]!;
    if (
      strict &&
      i === path.parts.length - 1 &&
      (value === null || typeof value !== "object" || !(part in value))
    ) {
      throw notDefined(part, path.loc);
    }
    if (value === null || value === undefined) return undefined;
    value = Object.hasOwn(value as object, part) ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

function evaluate(expr: Expr, ctx: unknown, data: Data, env: RenderEnv): unknown {
  switch (expr.type) {
    case "literal":
      return expr.value;
    case "sexpr":
      return call(expr.call, ctx, data, env);
    case "path": {
      const helper = !expr.data && expr.parts.length === 1 ? env.helpers[expr.parts[0]!] : undefined;
      if (helper) return helper.call(ctx, { name: expr.original, hash: {}, loc: { start: expr.loc }, data });
      return lookup(expr, ctx, data, false);
    }
  }
}

function call(c: Call, ctx: unknown, data: Data, env: RenderEnv): unknown {
  const name = c.path.original;
  const helper = !c.path.data && c.path.parts.length === 1 ? env.helpers[c.path.parts[0]!] : undefined;
  if (!helper && !c.params.length && !c.hash.length) {
    if (HANDLEBARS_BUILTINS.has(name)) throw new Unsupported(`Handlebars helper ${name}`);
    return lookup(c.path, ctx, data, true);
  }
  const params = c.params.map((p) => evaluate(p, ctx, data, env));
  const hash: Record<string, unknown> = {};
  for (const [k, v] of c.hash) hash[k] = evaluate(v, ctx, data, env);
  const options = { name, hash, loc: { start: c.loc }, data };
  if (!helper) {
    if (HANDLEBARS_BUILTINS.has(name)) throw new Unsupported(`Handlebars helper ${name}`);
    // Strict mode: an unknown name is an error even when called with arguments.
    throw notDefined(c.path.parts[0] ?? name, c.path.loc);
  }
  return helper.call(ctx, ...params, options);
}
