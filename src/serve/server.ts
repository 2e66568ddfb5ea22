import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import type { LoadedConfig } from "../config/load.ts";
import { ConfigError } from "../errors.ts";
import type { Compilation } from "../project/compile.ts";
import { apiRoutes, sendError } from "./api-routes.ts";
import { indexSpec } from "./index-spec.ts";
import { ProfileIndex } from "./profile-index.ts";
import type { ReadSource, ReadView } from "./read-source.ts";
import { apiTokens } from "./tokens.ts";

export interface ServerParts {
  loaded: LoadedConfig;
  compilation: Compilation;
  source: ReadSource;
  /** Serve the profile API under /v1 (default: when `api:` is configured). */
  api?: boolean;
  /** Registers more routes (the app and the docs site) on the same server. */
  extend?: (app: FastifyInstance, state: ServeState) => Promise<void>;
}

/** What the server holds between builds. */
export interface ServeState {
  view(): ReadView | undefined;
  index(): ProfileIndex | undefined;
  /** The last failure refreshing the index, with the time; cleared by the next success. */
  lastError(): string | undefined;
  /** The names of the profile API's tokens; undefined when the API is not served. */
  readonly apiTokens?: string[];
}

/**
 * The Fastify app of `cdp serve`: `/health`, the profile API when `api:` is configured, and what
 * `extend` adds. The index is rebuilt from each new view of the warehouse and swapped in whole,
 * so a lookup sees one build or the next, never a mix.
 */
export async function createServer(parts: ServerParts): Promise<{ app: FastifyInstance; state: ServeState }> {
  const { loaded, compilation, source } = parts;
  const api = loaded.config.api;
  const serveApi = parts.api ?? !!api;
  const relFile = loaded.configFile;
  if (serveApi && !api) throw new ConfigError(`${relFile}: the profile API needs an \`api:\` section`);
  if (serveApi && api && loaded.missingApiSecrets.length) {
    throw new ConfigError(
      `the profile API cannot start: ${loaded.missingApiSecrets.map((m) => `${m.path} needs ${m.envVar}`).join("; ")}`,
      loaded.missingApiSecrets.map((m) => ({
        file: relFile,
        node: m.path,
        message: `${m.envVar} is not set`,
      })),
    );
  }
  const spec = serveApi && api ? indexSpec(api, compilation, relFile) : undefined;
  let index: ProfileIndex | undefined;
  let lastError: string | undefined;
  const rebuild = async (view: ReadView) => {
    if (!spec) return;
    try {
      index = await ProfileIndex.build(view.warehouse, spec);
      lastError = undefined;
    } catch (error) {
      // The previous index keeps answering: a failed refresh must not take the API down.
      lastError = `${new Date().toISOString()}: ${(error as Error).message}`;
    }
  };
  const first = source.current();
  if (first) await rebuild(first);
  source.onChange(rebuild);
  const state: ServeState = {
    view: () => source.current(),
    index: () => index,
    lastError: () => lastError,
    apiTokens: spec && api ? apiTokens(api).map((t) => t.name) : undefined,
  };

  const app = Fastify({ logger: false, return503OnClosing: true });
  app.setErrorHandler(
    (error: FastifyError & { error?: { code: string; message: string } }, _request, reply) => {
      const status = error.statusCode ?? 500;
      if (error.error) return reply.code(status).send({ error: error.error });
      return sendError(
        reply,
        status,
        status >= 500 ? "internal" : "bad_request",
        status >= 500 ? "internal error" : error.message,
      );
    },
  );
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, "not_found", `no route ${request.method} ${request.url.split("?")[0]}`),
  );
  app.get("/health", async () => {
    const view = source.current();
    return {
      status: view ? "ok" : "waiting_for_data",
      target: loaded.targetName,
      generation: view?.generation ?? null,
      data_as_of: view?.openedAt.toISOString() ?? null,
      index: index ? { ...index.size, built_at: index.builtAt.toISOString() } : null,
      index_error: lastError ?? null,
    };
  });
  if (spec && api) {
    const tokens = apiTokens(api);
    await app.register(apiRoutes, {
      prefix: "/v1",
      tokens,
      targetName: loaded.targetName,
      index: () => index,
    });
  }
  if (parts.extend) await parts.extend(app, state);
  return { app, state };
}
