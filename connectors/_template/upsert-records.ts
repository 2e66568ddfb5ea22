import type { HttpClient, RowResult, SyncRecord } from "../../src/connector-kit/index.ts";
import { toBatchError } from "./errors.ts";

interface UpsertAnswer {
  results?: { id?: unknown; error?: unknown }[];
}

/**
 * `POST /v1/records/batch`: creates or updates each record by its id, and answers per record
 * (`{"results": [{"id": "…"}, {"id": "…", "error": "…"}]}`). One result per row comes back: a row
 * the API did not mention is retryable, so it is sent again rather than counted as delivered.
 */
export async function upsertRecords(http: HttpClient, batch: SyncRecord[]): Promise<RowResult[]> {
  let body: unknown;
  try {
    const res = await http.request({
      method: "POST",
      url: "/v1/records/batch",
      data: JSON.stringify({ records: batch.map((r) => ({ id: r.key, properties: r.fields })) }),
      headers: { "Content-Type": "application/json" },
    });
    body = res.body;
  } catch (error) {
    throw toBatchError(error, "upserting records");
  }
  const answered = new Map<string, RowResult>();
  for (const item of (body as UpsertAnswer).results ?? []) {
    const key = String(item.id);
    answered.set(
      key,
      typeof item.error === "string"
        ? { key, status: "rejected", reason: item.error }
        : { key, status: "delivered" },
    );
  }
  return batch.map(
    (r) =>
      answered.get(r.key) ?? { key: r.key, status: "retryable", reason: "the API did not answer for it" },
  );
}
