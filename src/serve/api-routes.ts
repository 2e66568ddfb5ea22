import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ProfileIndex } from "./profile-index.ts";
import { type ApiToken, authenticate } from "./tokens.ts";

export interface ApiRouteOptions {
  tokens: ApiToken[];
  /** The target served: a token restricted to other targets is refused (403). */
  targetName: string;
  /** The index of the latest build; undefined while none is ready. */
  index: () => ProfileIndex | undefined;
}

/** Every error of the API has this shape. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type("application/json").send({ error: { code, message } });
}

declare module "fastify" {
  interface FastifyRequest {
    apiToken?: ApiToken;
  }
}

/**
 * `GET /v1/profiles/{identifier_type}/{value}`: the profile holding an identifier, with only the
 * traits and audiences `api:` exposes. Authenticated by bearer token, rate-limited per token,
 * answered from the in-memory index (never a query on the hot path).
 */
export async function apiRoutes(app: FastifyInstance, options: ApiRouteOptions): Promise<void> {
  const byName = new Map(options.tokens.map((t) => [t.name, t]));
  app.decorateRequest("apiToken", undefined);
  app.addHook("onRequest", async (request, reply) => {
    const auth = authenticate(request.headers.authorization, options.tokens, options.targetName);
    if (!auth.ok) {
      if (auth.status === 401) reply.header("www-authenticate", 'Bearer realm="cdp"');
      return sendError(reply, auth.status, auth.code, auth.message);
    }
    request.apiToken = auth.token;
  });
  await app.register(rateLimit, {
    global: true,
    hook: "preHandler",
    keyGenerator: (request) => request.apiToken?.name ?? "",
    max: (_request, key) => byName.get(key)?.rateLimit.max ?? 1,
    timeWindow: (_request, key) => (byName.get(key)?.rateLimit.perSeconds ?? 1) * 1000,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: {
        code: "rate_limited",
        message: `this token may make ${context.max} requests per ${context.after}; retry after ${context.after}`,
      },
    }),
  });

  app.get<{ Params: { type: string; value: string } }>("/profiles/:type/:value", async (request, reply) => {
    const index = options.index();
    if (!index) {
      reply.header("retry-after", "5");
      return sendError(reply, 503, "not_ready", "the profile index is being built; retry shortly");
    }
    const { type, value } = request.params;
    if (!index.hasType(type)) {
      return sendError(
        reply,
        404,
        "unknown_identifier_type",
        `"${type}" is not an identifier type this API looks up`,
      );
    }
    const profile = await index.lookup(type, value);
    if (!profile) return sendError(reply, 404, "not_found", "no profile has this identifier");
    reply.header("cache-control", "no-store");
    return profile;
  });
  app.route({
    method: ["POST", "PUT", "PATCH", "DELETE"],
    url: "/*",
    handler: (_request, reply) => sendError(reply, 405, "method_not_allowed", "the profile API is read-only"),
  });
}
