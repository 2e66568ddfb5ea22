import type { FastifyInstance } from "fastify";
import type { LoadedConfig } from "../config/load.ts";
import type { Compilation } from "../project/compile.ts";
import { compileLoaded, loadProject, type ProjectOptions, targetDir } from "../project/open.ts";
import type { ModelNode } from "../project/types.ts";
import type { Relation } from "../warehouse/types.ts";
import { checkProfileModels } from "./app/discover.ts";
import { openReadSource } from "./read-source.ts";
import { createServer, type ServeState } from "./server.ts";

export interface ServeOptions extends ProjectOptions {
  /** Address to bind; default 127.0.0.1 (only this machine). */
  host?: string;
  /** Port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Serve the profile API (default: when `api:` is configured). */
  api?: boolean;
  /** Serve the app (docs, Profile 360, audiences, syncs) under /app/ (default true). */
  app?: boolean;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  state: ServeState;
  /** Looks for new data now (a build that finished); resolves when it is served. */
  refresh(): Promise<void>;
  /** Stops accepting requests, lets those in flight finish, and lets go of the warehouse. */
  close(): Promise<void>;
}

/**
 * `cdp serve`: the app, the docs site and the profile API over the target's warehouse, read-only,
 * never in the way of a build (see read-source.ts).
 *
 * @example
 * const server = await serve({ projectDir: ".", port: 0 });
 * console.log(server.url); await server.close();
 */
export async function serve(options: ServeOptions = {}): Promise<RunningServer> {
  const loaded = await loadProject(options);
  const compilation = await compileLoaded(loaded);
  checkProfileModels(loaded, compilation);
  const source = await openReadSource(loaded, targetDir(loaded), {
    relations: watchedRelations(loaded, compilation),
    pollMs: (loaded.config.serve?.refreshSeconds ?? 60) * 1000,
  });
  try {
    const extend =
      options.app === false
        ? undefined
        : async (app: FastifyInstance, state: ServeState) => {
            const { appRoutes } = await import("./app-routes.ts");
            await appRoutes(app, { loaded, compilation, state });
          };
    const { app, state } = await createServer({ loaded, compilation, source, api: options.api, extend });
    const address = await app.listen({ host: options.host ?? "127.0.0.1", port: options.port ?? 8080 });
    return {
      url: address,
      app,
      state,
      refresh: () => source.refresh(),
      close: async () => {
        await app.close();
        await source.close();
      },
    };
  } catch (error) {
    await source.close();
    throw error;
  }
}

/**
 * What a finished build changes that the server shows: the stitch models, the API's models and
 * audiences, the golden record and records models, the audiences synced. Polled on warehouses
 * other processes write (a catalog read per look).
 */
function watchedRelations(loaded: LoadedConfig, compilation: Compilation): Relation[] {
  const models = [...compilation.nodes.values()].filter((n): n is ModelNode => n.resourceType === "model");
  const { api, serve, syncs } = loaded.config;
  const names = new Set([
    ...(api ? [api.identity, ...api.audiences, ...Object.keys(api.fields)] : []),
    ...(serve?.profile.golden ? [serve.profile.golden] : []),
    ...(serve?.profile.records ? [serve.profile.records] : []),
    ...Object.values(syncs)
      .filter((sync) => sync.mode === "audience")
      .map((sync) => sync.model),
  ]);
  return models
    .filter((m) => names.has(m.name) || m.config.materialized === "stitch")
    .filter((m) => m.config.materialized !== "ephemeral")
    .map((m) => m.relation);
}
