/**
 * Typed errors the library throws. The CLI renders them and maps them to exit codes:
 * configuration, usage and compile problems exit 2, failures while running exit 1.
 */

/** A problem tied to a place in the project: a file, a line, a node. */
export interface Diagnostic {
  /** Path relative to the project directory, e.g. `models/staging/stg_orders.sql`. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** The model, seed, test or config key the problem belongs to. */
  node?: string;
  message: string;
  /** What the user can do about it. */
  hint?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}${d.column ? `:${d.column}` : ""}` : d.file;
  const node = d.node ? ` (${d.node})` : "";
  return `${where}${node}: ${d.message}${d.hint ? `\n    hint: ${d.hint}` : ""}`;
}

export class CdpError extends Error {
  /** Exit code the CLI uses for this error. */
  readonly exitCode: number = 1;
}

/** The configuration is invalid or cannot be loaded. */
export class ConfigError extends CdpError {
  override readonly exitCode = 2;
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

/** The command line asks for something that does not exist or makes no sense. */
export class UsageError extends CdpError {
  override readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Compiling the project failed; every problem found is listed, not just the first. */
export class CompileError extends CdpError {
  override readonly exitCode = 2;
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      `Compilation failed with ${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"}:\n` +
        diagnostics.map((d) => `  ${formatDiagnostic(d).replace(/\n/g, "\n  ")}`).join("\n"),
    );
    this.name = "CompileError";
  }
}

/** The warehouse refused a statement or a connection. */
export class WarehouseError extends CdpError {
  constructor(
    message: string,
    readonly sql?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WarehouseError";
  }
}

/** The collector's log on disk cannot be read or written (see src/collect/log-format.ts). */
export class CollectLogError extends CdpError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CollectLogError";
  }
}
