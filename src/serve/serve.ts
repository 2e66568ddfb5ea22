import type { FastifyInstance } from "fastify";
import { compileLoaded, loadProject, type ProjectOptions, targetDir } from "../project/open.ts";
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
  const source = await openReadSource(loaded, targetDir(loaded));
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
