import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

export interface ProjectFile {
  /** Base name without extension: the node's name. */
  name: string;
  /** Path relative to the project directory, with forward slashes. */
  file: string;
  absolute: string;
}

/**
 * Files with `extension` under `dir`, sorted by path so discovery is deterministic. Symbolic links
 * are followed, to files and to folders (a shared folder of models linked into several projects);
 * a folder reached twice through links is read once. A link pointing nowhere is listed like a
 * file, so reading it fails with its name rather than it being skipped without a word.
 */
export function discover(projectDir: string, dir: string, extension: string): ProjectFile[] {
  const root = path.resolve(projectDir, dir);
  if (!existsSync(root)) return [];
  const out: ProjectFile[] = [];
  const visited = new Set<string>();
  const walk = (folder: string) => {
    const real = realpathSync(folder);
    if (visited.has(real)) return;
    visited.add(real);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const absolute = path.join(folder, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = statSync(absolute, { throwIfNoEntry: false });
        isDir = target?.isDirectory() ?? false;
        isFile = target ? target.isFile() : true;
      }
      if (isDir) walk(absolute);
      else if (isFile && entry.name.endsWith(extension)) {
        out.push({
          name: entry.name.slice(0, -extension.length),
          file: path.relative(projectDir, absolute).split(path.sep).join("/"),
          absolute,
        });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
