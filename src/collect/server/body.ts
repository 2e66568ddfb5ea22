import { gunzipSync, inflateSync } from "node:zlib";
import { Rejection } from "./rejection.ts";

/**
 * The JSON of a request body: gzip (`Content-Encoding: gzip`, as analytics-node can send) or
 * deflate bodies are inflated first, and the size limit applies to the inflated bytes, as it does
 * for a plain body. Any content type is read as JSON: analytics.js posts `text/plain` so that
 * browsers skip a CORS preflight for it.
 */
export function decodeBody(raw: Buffer, encoding: string | undefined, limit: number, what: string): unknown {
  let bytes = raw;
  const enc = encoding?.trim().toLowerCase();
  if (enc && enc !== "identity") {
    if (enc !== "gzip" && enc !== "deflate") {
      throw new Rejection(415, "invalid_encoding", `Content-Encoding ${enc} is not supported (use gzip)`);
    }
    try {
      bytes =
        enc === "gzip"
          ? gunzipSync(raw, { maxOutputLength: limit })
          : inflateSync(raw, { maxOutputLength: limit });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(limit, what);
      throw new Rejection(
        400,
        "invalid_encoding",
        `the body is not valid ${enc}: ${(error as Error).message}`,
      );
    }
  }
  if (bytes.length > limit) throw tooLarge(limit, what);
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch (error) {
    throw new Rejection(400, "invalid_json", `the body is not valid JSON: ${(error as Error).message}`);
  }
}

export function tooLarge(limit: number, what: string): Rejection {
  return new Rejection(
    400,
    what === "the batch" ? "request_too_large" : "event_too_large",
    `${what} is larger than ${limit / 1024} KB, the Segment HTTP Tracking API's limit`,
  );
}
