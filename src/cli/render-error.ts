import { redactor } from "../config/secrets.ts";
import { CdpError, CompileError, ConfigError, formatDiagnostic } from "../errors.ts";
import type { LogFormat } from "./reporter.ts";

/** Prints an error for people or machines (redacted) and returns the exit code it means. */
export function renderError(error: unknown, format: LogFormat, debug: boolean): number {
  const err = error as Error;
  const code = error instanceof CdpError ? error.exitCode : 1;
  if (format === "json") {
    const diagnostics =
      error instanceof CompileError || error instanceof ConfigError ? error.diagnostics : undefined;
    process.stderr.write(
      `${redactor.redact(JSON.stringify({ event: "error", type: err.name, message: err.message, diagnostics }))}\n`,
    );
    return code;
  }
  let text: string;
  if (error instanceof ConfigError && error.diagnostics.length) {
    text = `Configuration error:\n${error.diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join("\n")}`;
  } else if (error instanceof CdpError) {
    text = `Error: ${err.message}`;
  } else {
    text = `Unexpected error: ${err?.message ?? String(error)}${debug ? "" : "\n  (run with --debug for the stack trace)"}`;
  }
  if (debug && err?.stack) text += `\n${err.stack}`;
  process.stderr.write(`${redactor.redact(text)}\n`);
  return code;
}
