export { SnippetBuildError, type SnippetBundle, snippetBundle } from "./bundle.ts";
export { registerSnippetRoutes, type SnippetRouteOptions } from "./routes.ts";
