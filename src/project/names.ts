/**
 * Names that become file names or relation names are checked at compile time.
 *
 * A file name (a generic test's `name=`, whose failing SQL is written under `target/`) must be a
 * plain identifier: letters, digits, `_`, `$` and `-`, not starting with `$` or `-`. A name such
 * as `../../models/victim` once wrote a failing test's SQL over a model; no quoting makes such a
 * name safe as a path.
 *
 * A relation name (a model or seed name, an `alias`, a `schema`) is always quoted by the dialect,
 * so quotes, spaces and semicolons are harmless in SQL; what is refused is what no warehouse keeps
 * as written: control characters, surrounding spaces, and names longer than Postgres keeps
 * (63 bytes: longer ones are silently truncated, so two names could become one table).
 */
const IDENTIFIER = /^[\p{L}\p{N}_][\p{L}\p{N}_$-]*$/u;

export const MAX_RELATION_BYTES = 63;
/** File systems take 255 bytes; `.sql` and a temporary suffix need some of them. */
export const MAX_FILE_BYTES = 200;

function common(name: string, max: number): string | undefined {
  if (name.length === 0) return "is empty";
  if (Buffer.byteLength(name) > max) return `is longer than ${max} bytes`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return "contains a control character";
  return undefined;
}

/** Why `name` cannot name a file under `target/`, or undefined when it can. */
export function fileNameProblem(name: string): string | undefined {
  const problem = common(name, MAX_FILE_BYTES);
  if (problem) return problem;
  if (/[/\\]/.test(name) || name.startsWith(".")) return "would be a path, not a file name";
  if (!IDENTIFIER.test(name)) return "may hold only letters, digits, _, $ and - (and not start with $ or -)";
  return undefined;
}

/** Why `name` cannot name a relation, or undefined when it can. */
export function relationNameProblem(name: string): string | undefined {
  const problem = common(name, MAX_RELATION_BYTES);
  if (problem) return problem;
  if (name.trim() !== name) return "starts or ends with a space";
  return undefined;
}

/** A generated file name made safe: every character an identifier cannot hold becomes `_`. */
export function safeName(raw: string): string {
  return (
    raw
      .replace(/[^\p{L}\p{N}_$-]/gu, "_")
      .replace(/^[$-]/, "_")
      .slice(0, MAX_FILE_BYTES) || "_"
  );
}
