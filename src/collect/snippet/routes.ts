import type { FastifyInstance } from "fastify";
import { snippetBundle } from "./bundle.ts";

export interface SnippetRouteOptions {
  /** Where the script is served. Default `/cdp.js`. */
  path?: string;
  /**
   * How long browsers and CDNs may reuse it without asking again. Default 300 s: short, so a new
   * version reaches every site within minutes; revalidation is cheap (ETag, 304).
   */
  maxAgeSeconds?: number;
}

/**
 * Serves the browser snippet (`GET /cdp.js`): JavaScript, gzipped when the client accepts it,
 * cacheable with an ETag, loadable from any site (it is a public script, like analytics.js).
 *
 * @example
 * const app = Fastify();
 * registerSnippetRoutes(app, {});
 * // <script async src="http://127.0.0.1:8088/cdp.js" data-write-key="..."></script>
 */
export function registerSnippetRoutes(app: FastifyInstance, opts: SnippetRouteOptions = {}): void {
  const route = opts.path ?? "/cdp.js";
  const maxAge = opts.maxAgeSeconds ?? 300;
  app.get(route, async (request, reply) => {
    const bundle = await snippetBundle();
    reply
      .header("Content-Type", "text/javascript; charset=utf-8")
      .header("Cache-Control", `public, max-age=${maxAge}`)
      .header("ETag", bundle.etag)
      .header("Vary", "Accept-Encoding")
      // Sites that isolate themselves (Cross-Origin-Embedder-Policy) may still load it.
      .header("Cross-Origin-Resource-Policy", "cross-origin")
      .header("X-Content-Type-Options", "nosniff");
    const tags = request.headers["if-none-match"];
    if (tags?.split(",").some((t) => t.trim().replace(/^W\//, "") === bundle.etag)) {
      return reply.code(304).send();
    }
    if (/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      return reply.header("Content-Encoding", "gzip").send(bundle.gzipped);
    }
    return reply.send(bundle.code);
  });
}
