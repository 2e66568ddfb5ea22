import type { CommandModule } from "yargs";
import { parseVars } from "../cli-args.ts";
import type { LogFormat } from "../reporter.ts";

/** `cdp serve` and `cdp docs generate`: declared here, loaded lazily, so `cdp --help` stays fast. */
interface ServeArgs {
  "project-dir"?: string;
  target?: string;
  vars?: string;
  "log-format": LogFormat;
  host: string;
  port: number;
  api?: boolean;
}

function base(argv: { "project-dir"?: string; target?: string; vars?: string }) {
  return { projectDir: argv["project-dir"], target: argv.target, vars: parseVars(argv.vars) };
}

function write(format: LogFormat, event: Record<string, unknown>, text: string): void {
  process.stdout.write(format === "json" ? `${JSON.stringify(event)}\n` : `${text}\n`);
}

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: "serve",
  describe:
    "Serve the docs site, Profile 360, audiences and syncs, and the profile API (read-only; never blocks a build)",
  builder: (y) =>
    y
      .option("host", { type: "string", default: "127.0.0.1", describe: "Address to listen on" })
      .option("port", { type: "number", default: 8080, describe: "Port (0: any free port)" })
      .option("api", {
        type: "boolean",
        describe: "Serve the profile API under /v1 (default: when cdp.config.ts has `api:`)",
      }) as never,
  handler: async (argv) => {
    const { serve } = await import("../../serve/serve.ts");
    const server = await serve({ ...base(argv), host: argv.host, port: argv.port, api: argv.api });
    const tokens = server.state.apiTokens;
    write(
      argv["log-format"],
      {
        event: "serving",
        url: server.url,
        app: `${server.url}/app/`,
        api: tokens ? `${server.url}/v1` : null,
        tokens,
      },
      `Serving on ${server.url} (Ctrl-C to stop): the app at ${server.url}/app/${tokens ? `, the profile API at ${server.url}/v1 (tokens: ${tokens.join(", ")})` : ""}`,
    );
    // The process lives until a signal: close lets requests in flight finish, then lets go.
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        void server.close().finally(resolve);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      process.on("SIGHUP", () => void server.refresh().catch(() => {}));
    });
  },
};

export const docsCommand: CommandModule<object, ServeArgs & { action: string }> = {
  command: "docs <action>",
  describe:
    "`docs generate`: write the project's docs (lineage, models, identity, syncs) to target/docs/index.html, one file that works offline",
  builder: (y) => y.positional("action", { choices: ["generate"] as const, demandOption: true }) as never,
  handler: async (argv) => {
    const { generateDocs } = await import("../../serve/docs/generate.ts");
    const r = await generateDocs(base(argv));
    write(
      argv["log-format"],
      { event: "docs_generated", ...r },
      `Wrote ${r.file}: ${r.nodes} nodes, ${r.syncs} syncs, ${r.identityModels} identity models (open it in a browser; no server needed)`,
    );
  },
};
