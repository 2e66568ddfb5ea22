/**
 * The Segment HTTP Tracking API's documented rules, which the collector enforces so that a client
 * written for Segment behaves the same against it.
 *
 * Source: Segment, "HTTP API Source", sections "Max request size" and "Errors"
 * (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#max-request-size,
 * https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/#errors):
 * "There is a maximum of 32KB per call (our batch endpoint accepts a maximum of 500KB per batch
 * and 32KB per contained event). Server-side, Segment's API will respond with 400 Bad Request if
 * these limits are exceeded." The same page: each payload needs a `userId` and/or `anonymousId`;
 * every Track event needs an `event` field; Segment deduplicates by `messageId`.
 */

/** 32 KB per call and per event inside a batch (HTTP API, "Max request size"). */
export const MAX_EVENT_BYTES = 32 * 1024;

/** 500 KB per `/v1/batch` request (HTTP API, "Max request size"). */
export const MAX_BATCH_BYTES = 500 * 1024;

/**
 * `messageId` at most 100 characters. The messageId is Segment's dedupe key (Spec: Common Fields,
 * https://segment.com/docs/connections/spec/common/); the collector refuses a longer one with the
 * reason rather than cutting it, so the dedupe key is never silently altered.
 */
export const MAX_MESSAGE_ID_CHARS = 100;

/**
 * What the collector adds to an event as sent (`source`, `receivedAt`, the corrected `timestamp`,
 * an assigned `messageId`, `null` for absent ids) is not the client's to pay for: an event's stored
 * line may exceed {@link MAX_EVENT_BYTES} by this much.
 */
export const COLLECTOR_FIELDS_ALLOWANCE = 512;

/** Seconds a client is asked to wait when the log is past its disk budget (503). */
export const RETRY_AFTER_SECONDS = 5;
