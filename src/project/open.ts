import path from "node:path";
import { type LoadedConfig, loadConfig } from "../config/load.ts";
import { connect } from "../warehouse/index.ts";
import type { Warehouse } from "../warehouse/types.ts";
import { writeCompileArtifacts } from "./artifacts.ts";
import { type Compilation, compileProject } from "./compile.ts";
import { manifestExits } from "./manifest-exits.ts";

export interface ProjectOptions {
  projectDir?: string;
  target?: string;
  /** Overrides for `{{var}}` (the CLI's `--vars`). */
  vars?: Record<string, unknown>;
  select?: string[];
  exclude?: string[];
  /** `--state`: the folder of a previous run's manifest.json, for `state:` selectors and `--defer`. */
  state?: string;
}

/** The project's `target/` directory (artifacts). */
export function targetDir(loaded: LoadedConfig): string {
  return path.resolve(loaded.projectDir, loaded.config.paths.target);
}

/**
 * Loads the config and compiles the project; writes `target/compiled/**` and `target/manifest.json`.
 * With `incremental`, incremental models are compiled as a scheduled run executes them (their
 * `is_incremental` branch), to read what it will run.
 */
export async function compile(
  options: ProjectOptions & { incremental?: boolean } = {},
): Promise<{ loaded: LoadedConfig; compilation: Compilation }> {
  const loaded = await loadProject(options);
  return { loaded, compilation: await compileLoaded(loaded, options.incremental) };
}

/** Loads the config (`compile`'s first half). */
export function loadProject(options: ProjectOptions = {}): Promise<LoadedConfig> {
  return loadConfig({ projectDir: options.projectDir, target: options.target, vars: options.vars });
}

/** Compiles a loaded project and writes its artifacts (`compile`'s second half). */
export async function compileLoaded(loaded: LoadedConfig, incremental = false): Promise<Compilation> {
  const compilation = compileProject(loaded);
  if (incremental) {
    for (const node of compilation.nodes.values()) {
      if (node.resourceType === "model" && node.config.materialized === "incremental") {
        node.compiledSql = compilation.renderForRun(node, true);
      }
    }
  }
  await writeProjectArtifacts(loaded, compilation);
  return compilation;
}

/** `target/compiled/**` and `target/manifest.json`, with the config's syncs and sources. */
export function writeProjectArtifacts(loaded: LoadedConfig, compilation: Compilation): Promise<void> {
  return writeCompileArtifacts(compilation, targetDir(loaded), manifestExits(loaded, compilation));
}

/** Opens the warehouse of the loaded config's target, with `threads` connections. */
export function connectTarget(loaded: LoadedConfig, threads: number): Promise<Warehouse> {
  return connect(loaded.target, {
    projectDir: loaded.projectDir,
    projectName: loaded.config.name,
    threads,
    targetName: loaded.targetName,
  });
}

export interface OpenProjectOptions extends ProjectOptions {
  /** Connections to open, from the loaded config (default: the config's `threads`). */
  threads?: (loaded: LoadedConfig) => number;
  /** Use this warehouse instead of opening the target's (tests, embedding); `close` leaves it open. */
  warehouse?: Warehouse;
}

export interface OpenProject {
  loaded: LoadedConfig;
  compilation: Compilation;
  warehouse: Warehouse;
  /** Closes the warehouse when `openProject` opened it. */
  close(): Promise<void>;
}

/**
 * Compiles the project, then connects to its target: what every command that reads the warehouse
 * starts with.
 *
 * @example
 * const project = await openProject({ projectDir: ".", threads: () => 2 });
 * try { await project.warehouse.query("select 1"); } finally { await project.close(); }
 */
export async function openProject(options: OpenProjectOptions = {}): Promise<OpenProject> {
  const { loaded, compilation } = await compile(options);
  const given = options.warehouse;
  const warehouse =
    given ?? (await connectTarget(loaded, options.threads?.(loaded) ?? loaded.config.threads));
  return {
    loaded,
    compilation,
    warehouse,
    close: async () => {
      if (!given) await warehouse.close();
    },
  };
}
