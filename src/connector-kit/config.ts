/**
 * The kit's light face, for a connector's `config.ts`: every command validates `cdp.config.ts`,
 * syncs included, so a config schema must not load what sending needs (the HTTP client, phone
 * metadata). Everything else a connector uses comes from `index.ts`.
 */
export { secretField, variableField } from "./secret-field.ts";
