import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export interface ProjectFile {
  /** Base name without extension: the node's name. */
  name: string;
  /** Path relative to the project directory, with forward slashes. */
  file: string;
  absolute: string;
}

/** Files with `extension` under `dir`, sorted by path so discovery is deterministic. */
export function discover(projectDir: string, dir: string, extension: string): ProjectFile[] {
  const root = path.resolve(projectDir, dir);
  if (!existsSync(root)) return [];
  const out: ProjectFile[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(extension) || entry.name.startsWith(".")) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    out.push({
      name: entry.name.slice(0, -extension.length),
      file: path.relative(projectDir, absolute).split(path.sep).join("/"),
      absolute,
    });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
