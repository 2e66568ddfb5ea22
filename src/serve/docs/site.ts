import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bundleForBrowser, packageSource } from "../../browser-bundle.ts";
import type { DocsData } from "./types.ts";

/** `src/serve/ui/` of this package, found from wherever this code runs (sources or the CLI's bundle). */
function uiDir(): string {
  const app = packageSource("src/serve/ui/app.ts");
  if (!app) throw new Error("cannot find src/serve/ui of the cdp package");
  return path.dirname(app);
}

let bundle: Promise<string> | undefined;

/** The app's script, bundled once per process with cytoscape in it: the page loads nothing else. */
export function uiBundle(): Promise<string> {
  bundle ??= (async () => {
    return bundleForBrowser(path.join(uiDir(), "app.ts"), { keepLicenses: true });
  })();
  return bundle;
}

/** JSON that is safe inside a <script> element: no `</script>` or `<!--` can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** One self-contained HTML page: data, script and styles inline, so it works from file:// and offline. */
export async function renderSite(
  data: DocsData,
  extra: { identifierTypes?: string[] } = {},
): Promise<string> {
  const css = readFileSync(path.join(uiDir(), "style.css"), "utf8");
  const js = await uiBundle();
  const title = `${data.project} · cdp docs`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title.replace(/[<&>"]/g, "")}</title>
<style>${css}</style>
</head>
<body>
<header id="header"></header>
<main id="main" tabindex="-1"></main>
<script>window.__CDP_DATA__=${scriptJson(data)};window.__CDP_TYPES__=${scriptJson(extra.identifierTypes ?? [])};</script>
<script>${js.replace(/<\/script/gi, "<\\/script")}</script>
</body>
</html>
`;
}

/** Writes `<dir>/index.html` atomically (a reader never sees half a page). */
export async function writeSite(dir: string, data: DocsData): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "index.html");
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, await renderSite(data));
  renameSync(tmp, file);
  return file;
}
