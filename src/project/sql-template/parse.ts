import {
  type Block,
  type Call,
  type Expr,
  type Loc,
  type Program,
  type Statement,
  type Strip,
  Unsupported,
} from "./ast.ts";
import { applyWhitespaceControl } from "./whitespace.ts";

/**
 * A hand-written parser for the Handlebars subset SQL templates use: text, `{{expr}}` with
 * params, hash and subexpressions, `#if`/`#unless`/`#each`/`#with` blocks with `{{else}}`,
 * comments, `{{> partial}}` and `~` whitespace control. It is ~20x faster than Handlebars' own
 * parser and code generator, which dominate compile time on large projects. Anything else
 * (raw blocks, triple-stash, `../`, block params, `else if`, and every syntax error) throws
 * `Unsupported`, and the caller hands that template to Handlebars itself, so behaviour and error
 * messages stay Handlebars'.
 */
export function parseTemplate(source: string): Program {
  return applyWhitespaceControl(new Parser(source).parse());
}

const ID_CHAR = /[^\s!"#%-,./;->@[-^`{-~]/;
const LOOKAHEAD = /[=~}\s/.)|]/;

interface Frame {
  block: Block | undefined;
  body: Statement[];
}

class Parser {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private end = 0;

  constructor(private readonly src: string) {}

  private locAt(index: number): Loc {
    // Lines are counted incrementally: `index` only moves forward.
    for (let i = this.lineStart; i < index; i++) {
      if (this.src.charCodeAt(i) === 10) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    return { line: this.line, column: index - this.lineStart };
  }

  parse(): Program {
    const src = this.src;
    const root: Program = { body: [] };
    const stack: Frame[] = [{ block: undefined, body: root.body }];
    let cursor = 0;
    while (cursor < src.length) {
      const open = src.indexOf("{{", cursor);
      const textEnd = open === -1 ? src.length : open;
      if (textEnd > cursor) {
        const text = src.slice(cursor, textEnd);
        if (text.endsWith("\\")) throw new Unsupported("escaped mustache");
        stack.at(-1)!.body.push({ type: "content", value: text, original: text });
      }
      if (open === -1) break;
      const loc = this.locAt(open);
      cursor = this.tag(open, loc, stack);
    }
    if (stack.length !== 1) throw new Unsupported("unclosed block");
    return root;
  }

  /** Parses the tag starting at `start`, adds it to the tree, returns the index after it. */
  private tag(start: number, loc: Loc, stack: Frame[]): number {
    const src = this.src;
    if (src.startsWith("{{{", start)) throw new Unsupported("triple-stash or raw block");
    let i = start + 2;
    const openStrip = src[i] === "~";
    if (openStrip) i++;
    const frame = stack.at(-1)!;

    if (src[i] === "!") {
      const long = src.startsWith("--", i + 1);
      const re = long ? /--(~?)\}\}/g : /(~?)\}\}/g;
      re.lastIndex = i;
      const m = re.exec(src);
      if (!m) throw new Unsupported("unclosed comment");
      frame.body.push({ type: "comment", strip: { open: openStrip, close: m[1] === "~" } });
      return m.index + m[0].length;
    }

    const close = src.indexOf("}}", i);
    if (close === -1) throw new Unsupported("unclosed tag");
    const closeStrip = src[close - 1] === "~";
    const inner = src.slice(i, closeStrip ? close - 1 : close);
    this.innerOffset = i - start + loc.column;
    const strip: Strip = { open: openStrip, close: closeStrip };
    const next = close + 2;
    const sigil = inner[0];

    if (sigil === "#") {
      if (/^#[*>]/.test(inner)) throw new Unsupported("decorator or partial block");
      this.innerOffset++;
      const call = this.call(inner.slice(1), loc);
      const name = call.path.original;
      if (!["if", "unless", "each", "with"].includes(name) || call.path.data)
        throw new Unsupported("custom block");
      if (call.params.length !== 1) throw new Unsupported("block arity");
      const block: Block = {
        type: "block",
        call,
        program: { body: [] },
        openStrip: strip,
        closeStrip: strip,
      };
      frame.body.push(block);
      stack.push({ block, body: block.program.body });
      return next;
    }
    if (sigil === "/") {
      const name = inner.slice(1).trim();
      const block = frame.block;
      if (!block || block.call.path.original !== name) throw new Unsupported("mismatched close");
      block.closeStrip = strip;
      stack.pop();
      return next;
    }
    if (/^\s*else\s*$/.test(inner)) {
      const block = frame.block;
      if (!block || block.inverse) throw new Unsupported("else outside a block");
      block.inverse = { body: [] };
      block.inverseStrip = strip;
      frame.body = block.inverse.body;
      return next;
    }
    if (sigil === ">") {
      const name = inner.slice(1).trim();
      if (!/^[A-Za-z0-9_$-]+$/.test(name)) throw new Unsupported("partial with arguments");
      frame.body.push({ type: "partial", name, strip, loc });
      return next;
    }
    if (sigil === "^" || sigil === "&" || sigil === "*" || /^\s*else\s/.test(inner))
      throw new Unsupported("inverse or else-chain");
    frame.body.push({ type: "mustache", call: this.call(inner, loc), strip });
    return next;
  }

  // --- expressions inside one tag -------------------------------------------------------------

  private text = "";
  /** Column of the tag's inner text start, relative to the tag's line. */
  private innerOffset = 0;

  /** Location of position `at` of the current tag's inner text. */
  private innerLoc(tagLoc: Loc, at: number): Loc {
    const before = this.text.slice(0, at);
    const nl = before.lastIndexOf("\n");
    if (nl === -1) return { line: tagLoc.line, column: this.innerOffset + at };
    let lines = 0;
    for (let k = 0; k < before.length; k++) if (before.charCodeAt(k) === 10) lines++;
    return { line: tagLoc.line + lines, column: at - nl - 1 };
  }

  private call(inner: string, loc: Loc): Call {
    this.text = inner;
    this.pos = 0;
    this.end = inner.length;
    const call = this.callBody(loc);
    this.skipSpace();
    if (this.pos !== this.end) throw new Unsupported("trailing tokens");
    return call;
  }

  private skipSpace(): void {
    while (this.pos < this.end && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private callBody(loc: Loc): Call {
    this.skipSpace();
    const head = this.expr(loc);
    if (head.type !== "path") throw new Unsupported("literal or subexpression as helper name");
    const params: Expr[] = [];
    const hash: [string, Expr][] = [];
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end || this.text[this.pos] === ")") break;
      const key = /^([^\s!"#%-,./;->@[-^`{-~]+)=/.exec(this.text.slice(this.pos));
      if (key) {
        this.pos += key[0].length;
        hash.push([key[1]!, this.expr(loc)]);
        continue;
      }
      if (hash.length) throw new Unsupported("param after hash");
      params.push(this.expr(loc));
    }
    return { path: head, params, hash, loc };
  }

  private expr(loc: Loc): Expr {
    const t = this.text;
    const c = t[this.pos];
    if (c === "(") {
      this.pos++;
      const call = this.callBody(loc);
      this.skipSpace();
      if (t[this.pos] !== ")") throw new Unsupported("unclosed subexpression");
      this.pos++;
      return { type: "sexpr", call };
    }
    if (c === '"' || c === "'") {
      const endQuote = t.indexOf(c, this.pos + 1);
      if (endQuote === -1) throw new Unsupported("unclosed string");
      const value = t.slice(this.pos + 1, endQuote);
      if (value.includes("\\")) throw new Unsupported("escape in string");
      this.pos = endQuote + 1;
      return { type: "literal", value };
    }
    const rest = t.slice(this.pos);
    const num = /^-?[0-9]+(?:\.[0-9]+)?/.exec(rest);
    if (num && (num[0].length === rest.length || LOOKAHEAD.test(rest[num[0].length]!))) {
      this.pos += num[0].length;
      return { type: "literal", value: Number(num[0]) };
    }
    const kw = /^(true|false|null|undefined)/.exec(rest);
    if (kw && (kw[0].length === rest.length || LOOKAHEAD.test(rest[kw[0].length]!))) {
      this.pos += kw[0].length;
      const values = { true: true, false: false, null: null, undefined: undefined } as const;
      return { type: "literal", value: values[kw[1] as keyof typeof values] };
    }
    return this.path(loc);
  }

  private path(loc: Loc): Extract<Expr, { type: "path" }> {
    const t = this.text;
    const start = this.pos;
    let data = false;
    if (t[this.pos] === "@") {
      data = true;
      this.pos++;
    }
    const parts: string[] = [];
    for (;;) {
      const s = this.pos;
      while (this.pos < this.end && ID_CHAR.test(t[this.pos]!)) this.pos++;
      if (this.pos === s) throw new Unsupported("not a path");
      parts.push(t.slice(s, this.pos));
      const sep = t[this.pos];
      if ((sep === "." || sep === "/") && this.pos + 1 < this.end && ID_CHAR.test(t[this.pos + 1]!)) {
        this.pos++;
        continue;
      }
      break;
    }
    if (parts.includes("..") || parts.some((p) => p === ".")) throw new Unsupported("parent path");
    const original = t.slice(start, this.pos);
    // `this.x` and `this` address the current context.
    if (parts[0] === "this") parts.shift();
    return { type: "path", original, parts, data, loc: this.innerLoc(loc, start) };
  }
}
