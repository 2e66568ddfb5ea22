import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { CDP_BIN } from "./project.ts";

export interface CdpExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, interleaved as they arrived. */
  output: string;
}

export interface CdpProcess {
  child: ChildProcess;
  pid: number;
  exited: Promise<CdpExit>;
}

/**
 * The real `cdp` executable in a child process, without blocking this one: tests keep serving
 * the destination (a local server in this process) while it runs, and may kill it.
 */
export function spawnCdp(dir: string, args: string[], env: Record<string, string> = {}): CdpProcess {
  const child = spawn(process.execPath, [CDP_BIN, ...args, "--project-dir", dir], {
    env: { ...process.env, CI: "true", NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let output = "";
  child.stdout!.on("data", (c) => {
    stdout += c;
    output += c;
  });
  child.stderr!.on("data", (c) => {
    stderr += c;
    output += c;
  });
  const exited = new Promise<CdpExit>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, output })),
  );
  return { child, pid: child.pid!, exited };
}

/** `cdp` run to its end in a child process. */
export function cdpAsync(dir: string, args: string[], env: Record<string, string> = {}): Promise<CdpExit> {
  return spawnCdp(dir, args, env).exited;
}

/** Every file under `dir` (none when it does not exist). */
export function filesUnder(dir: string): string[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** The JSON events of a `--log-format json` output, one per line. */
export function jsonEvents(stdout: string): { event: string; [k: string]: unknown }[] {
  return stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l));
}
