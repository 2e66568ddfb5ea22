/**
 * The template AST: the subset of Handlebars that SQL models use, shaped like Handlebars' own AST
 * so its whitespace rules port one to one.
 */
export interface Loc {
  line: number;
  /** 0-based, as Handlebars reports it to helpers. */
  column: number;
}

export interface Strip {
  open: boolean;
  close: boolean;
}

export type Expr =
  | { type: "path"; original: string; parts: string[]; data: boolean; loc: Loc }
  | { type: "literal"; value: string | number | boolean | null | undefined }
  | { type: "sexpr"; call: Call };

export interface Call {
  path: Extract<Expr, { type: "path" }>;
  params: Expr[];
  hash: [string, Expr][];
  loc: Loc;
}

export interface Content {
  type: "content";
  value: string;
  original: string;
  leftStripped?: boolean;
  rightStripped?: boolean;
}

export interface Mustache {
  type: "mustache";
  call: Call;
  strip: Strip;
}

export interface Block {
  type: "block";
  call: Call;
  program: Program;
  inverse?: Program;
  openStrip: Strip;
  inverseStrip?: Strip;
  closeStrip: Strip;
}

export interface Comment {
  type: "comment";
  strip: Strip;
}

export interface Partial {
  type: "partial";
  name: string;
  strip: Strip;
  indent?: string;
  loc: Loc;
}

export type Statement = Content | Mustache | Block | Comment | Partial;

export interface Program {
  body: Statement[];
}

/** Thrown for syntax this engine leaves to Handlebars itself (rare forms, and all syntax errors). */
export class Unsupported extends Error {}
