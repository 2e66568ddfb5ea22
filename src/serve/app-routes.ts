import type { FastifyInstance } from "fastify";
import type { LoadedConfig } from "../config/load.ts";
import { NO_RULES } from "../identity/stitch/rules.ts";
import type { Compilation } from "../project/compile.ts";
import type { ModelNode } from "../project/types.ts";
import { sendError } from "./api-routes.ts";
import { audienceOverlap, audienceSample, audienceSummaries } from "./app/audiences.ts";
import { discoverProfileModels, type ProfileModels } from "./app/discover.ts";
import { type ProfileContext, profile360, searchProfiles } from "./app/profile360.ts";
import { collectDocs } from "./docs/collect.ts";
import { renderSite } from "./docs/site.ts";
import type { ReadView } from "./read-source.ts";
import type { ServeState } from "./server.ts";

interface Snapshot {
  generation: string;
  html: string;
  ctx: ProfileContext;
  types: string[];
}

/**
 * The live app under /app/: the docs page rendered over the current view of the warehouse (once
 * per generation), Profile 360 and audiences as JSON under /app/api/. Everything reads the view
 * the server holds; nothing here writes.
 */
export async function appRoutes(
  app: FastifyInstance,
  options: { loaded: LoadedConfig; compilation: Compilation; state: ServeState },
): Promise<void> {
  const { loaded, compilation, state } = options;
  let cached: Promise<Snapshot> | undefined;
  let cachedFor: string | undefined;
  const build = async (view: ReadView): Promise<Snapshot> => {
    const docs = await collectDocs({ loaded, compilation, warehouse: view.warehouse, live: true });
    const models: ProfileModels = discoverProfileModels(loaded, compilation, docs);
    const rulesName = models.graph?.config.rules;
    const ctx: ProfileContext = {
      wh: view.warehouse,
      models,
      rules: (rulesName && compilation.rulesets[rulesName]) || NO_RULES,
      matchSettings: compilation.matchSettings,
    };
    const types = models.graph
      ? (
          await view.warehouse.query<{ t: string }>(
            `SELECT DISTINCT ${view.warehouse.dialect.quoteIdentifier("identifier_type")} AS t FROM ${view.warehouse.dialect.quoteRelation(models.graph.relation)} ORDER BY 1`,
          )
        ).map((r) => String(r.t))
      : [];
    return {
      generation: view.generation,
      html: await renderSite(docs, { identifierTypes: types }),
      ctx,
      types,
    };
  };
  const current = async (): Promise<Snapshot | undefined> => {
    const view = state.view();
    if (!view) return undefined;
    if (cachedFor !== view.generation || !cached) {
      cachedFor = view.generation;
      cached = build(view);
      cached.catch(() => {
        if (cachedFor === view.generation) cachedFor = undefined;
      });
    }
    return cached;
  };
  const parentsOf = (m: ModelNode) =>
    m.dependsOn
      .map((id) => compilation.nodes.get(id))
      .filter((n): n is ModelNode => n?.resourceType === "model");
  const audience = (ctx: ProfileContext, name: string) => ctx.models.audiences.find((a) => a.name === name);

  app.get("/", (_request, reply) => reply.redirect("/app/"));
  app.get("/app/", async (_request, reply) => {
    const snap = await current();
    if (!snap) {
      reply.header("retry-after", "5");
      return reply
        .code(503)
        .type("text/plain")
        .send("No data yet: a build is running or has never run on this target.");
    }
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(snap.html);
  });
  app.register(
    async (api) => {
      api.addHook("onRequest", async (_request, reply) => {
        if (!state.view()) {
          reply.header("retry-after", "5");
          return sendError(reply, 503, "not_ready", "no data yet: waiting for a build to finish");
        }
      });
      api.get<{ Querystring: { q?: string; type?: string } }>("/search", async (request) => {
        const snap = (await current())!;
        return {
          matches: await searchProfiles(
            snap.ctx,
            (request.query.q ?? "").trim(),
            request.query.type || undefined,
          ),
        };
      });
      api.get<{ Params: { id: string } }>("/profiles/:id", async (request, reply) => {
        const snap = (await current())!;
        const p = await profile360(snap.ctx, request.params.id, parentsOf);
        return p ?? sendError(reply, 404, "not_found", `no profile ${request.params.id}`);
      });
      api.get("/audiences", async () => {
        const snap = (await current())!;
        return { audiences: await audienceSummaries(snap.ctx.wh, loaded, snap.ctx.models.audiences) };
      });
      api.get<{ Querystring: { a?: string; b?: string } }>("/audiences/overlap", async (request, reply) => {
        const snap = (await current())!;
        const a = audience(snap.ctx, request.query.a ?? "");
        const b = audience(snap.ctx, request.query.b ?? "");
        if (!a || !b) return sendError(reply, 404, "not_found", "name two audiences with ?a=...&b=...");
        return audienceOverlap(snap.ctx.wh, a, b);
      });
      api.get<{ Params: { name: string } }>("/audiences/:name/sample", async (request, reply) => {
        const snap = (await current())!;
        const a = audience(snap.ctx, request.params.name);
        if (!a) return sendError(reply, 404, "not_found", `no audience ${request.params.name}`);
        return { rows: await audienceSample(snap.ctx.wh, a) };
      });
    },
    { prefix: "/app/api" },
  );
}
