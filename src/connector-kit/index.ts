/**
 * The connector kit: everything a destination in `connectors/` may import from the engine, and
 * nothing else. A connector that needs more asks for it here, so the engine can change behind
 * this face without touching connectors. `connectors/_template/` shows how the pieces fit.
 */

export { createHttpClient, type HttpClient, type HttpRequest, type HttpResponse } from "../http/client.ts";
export { HttpError } from "../http/errors.ts";
export { defaultSleep, TokenBucket } from "../http/rate-limit.ts";
export { urlSecrets } from "../http/redact.ts";
export type { Redactor } from "../redactor.ts";
export {
  type ApiVersion,
  type ApiVersionTable,
  daysToSunset,
  findVersion,
  SUNSET_WARNING_DAYS,
  versionWarning,
} from "./api-versions.ts";
export {
  BatchError,
  type Connector,
  type ConnectorContext,
  type Operation,
  type PendingResult,
  type RowResult,
  type SyncRecord,
  type WriteContext,
  type WriteResult,
} from "./connector.ts";
export {
  type ConnectorDefaults,
  type ConnectorDefinition,
  type ConnectorKit,
  type ConnectorOverrides,
  type ConnectorParts,
  defineConnector,
  type KitHttpOptions,
} from "./define-connector.ts";
export { type DeliverOptions, deliverBatch } from "./deliver.ts";
export { DroppedValues, type DroppedValuesReport } from "./dropped-values.ts";
export * from "./normalize-hash.ts";
export { GOOGLE_NORMALIZATION, META_NORMALIZATION, type NormalizationRule } from "./normalize-rules.ts";
export { oauthError, type RefreshTokenOptions, RefreshTokenSession } from "./oauth-refresh.ts";
export { secretField, secretValues, variableField } from "./secret-field.ts";
