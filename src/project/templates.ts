import { createRequire } from "node:module";
import type HandlebarsNamespace from "handlebars";
import type { SourceConfig } from "../config/schema.ts";
import { suggestion } from "../did-you-mean.ts";
import type { Diagnostic } from "../errors.ts";
import type { Ruleset } from "../identity/stitch/rules.ts";
import type { Dialect } from "../warehouse/types.ts";
import { dialectHelpers, identityHelpers, survivorshipHelpers } from "./sql-helpers.ts";
import { type Program, Unsupported } from "./sql-template/ast.ts";
import { parseTemplate } from "./sql-template/parse.ts";
import { type Helper, renderProgram } from "./sql-template/render.ts";
import { missingHelper, projectHelpers, type RenderState, VAR_OUTPUT } from "./template-helpers.ts";

export {
  type DeclaredTest,
  REF_MARKER,
  type RenderState,
  refMarker,
  SELF_MARKER,
} from "./template-helpers.ts";

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

/**
 * Handlebars with the project's helpers (`template-helpers.ts`, `sql-helpers.ts`), behind a fast
 * path of our own for the subset SQL templates use. Rendering never throws for a problem in one
 * template: problems become diagnostics in the returned state.
 */
export class TemplateEngine {
  private readonly helpers: Record<string, Helper> = {};
  /** The render in progress: helpers record what the template declares into it. */
  private current: RenderState | undefined;
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
    this.current = s;
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
      this.current = undefined;
    }
  }

  /** The helper tables, each kind its own; they record into the render in progress. */
  private registerHelpers(): void {
    const { dialect, vars, sources, rulesets } = this.options;
    const current = () => {
      if (!this.current) throw new Error("template helper called outside a render");
      return this.current;
    };
    Object.assign(
      this.helpers,
      projectHelpers(current, dialect, vars, sources),
      dialectHelpers(current, dialect),
      survivorshipHelpers(current, dialect),
      identityHelpers(current, dialect, rulesets),
      missingHelper(current, () => Object.keys(this.helpers).filter((n) => n !== "helperMissing")),
    );
  }
}
