import type { SalesforceApi } from "./client.ts";
import type { ObjectInfo } from "./describe.ts";
import { externalIdValue } from "./values.ts";

/** A SOQL string literal: backslash, quote and control characters escaped. */
export function soqlString(value: string): string {
  const escaped = value.replace(/[\\'"\n\r\t\b\f]/g, (c) => {
    const map: Record<string, string> = {
      "\\": "\\\\",
      "'": "\\'",
      '"': '\\"',
      "\n": "\\n",
      "\r": "\\r",
      "\t": "\\t",
      "\b": "\\b",
      "\f": "\\f",
    };
    return map[c]!;
  });
  return `'${escaped}'`;
}

/** A key as a SOQL literal for the External ID field: a number for numeric fields. */
function literal(key: string, info: ObjectInfo, field: string): string {
  const v = externalIdValue(key, info.field(field));
  return typeof v === "number" ? String(v) : soqlString(v);
}

/**
 * Keys in groups whose query stays short: at most 200 keys, and an encoded query under
 * `maxChars` (a GET URL must stay well under Salesforce's ~16,000-character limit).
 */
export function queryChunks(
  keys: string[],
  info: ObjectInfo,
  object: string,
  field: string,
  maxChars = 8_000,
) {
  const out: { keys: string[]; soql: string }[] = [];
  const head = `SELECT Id, ${field} FROM ${object} WHERE ${field} IN (`;
  let current: string[] = [];
  let literals: string[] = [];
  let length = encodeURIComponent(head).length + 3;
  const flush = () => {
    if (current.length) out.push({ keys: current, soql: `${head}${literals.join(", ")})` });
    current = [];
    literals = [];
    length = encodeURIComponent(head).length + 3;
  };
  for (const key of keys) {
    const lit = literal(key, info, field);
    const add = encodeURIComponent(`${lit}, `).length;
    if (current.length >= 200 || (current.length > 0 && length + add > maxChars)) flush();
    current.push(key);
    literals.push(lit);
    length += add;
  }
  flush();
  return out;
}

/** How a returned External ID value compares with a key: numbers by value, text ignoring case. */
function norm(value: unknown): string {
  if (typeof value === "number") return String(value);
  const n = String(value ?? "");
  return n.toLowerCase();
}

interface QueryPage {
  records?: Record<string, unknown>[];
  done?: boolean;
  nextRecordsUrl?: string;
}

/**
 * Record ids per key, by SOQL (`GET /query?q=SELECT Id, Ext FROM Object WHERE Ext IN (...)`),
 * following `nextRecordsUrl` pages. A key with no record is absent from the map; one External ID
 * value may name several records when the field is not unique. Text External IDs match without
 * regard to case, as Salesforce compares them.
 */
export async function resolveIds(
  api: SalesforceApi,
  info: ObjectInfo,
  object: string,
  field: string,
  keys: string[],
): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  const numeric = typeof externalIdValue("0", info.field(field)) === "number";
  for (const part of queryChunks(keys, info, object, field)) {
    const byNorm = new Map<string, string[]>();
    for (const key of part.keys) {
      const k = numeric ? String(Number(key)) : key.toLowerCase();
      byNorm.set(k, [...(byNorm.get(k) ?? []), key]);
    }
    let path: string | undefined = `/query?q=${encodeURIComponent(part.soql)}`;
    while (path) {
      const res = await api.request({ method: "GET", path });
      const page = (res.body && typeof res.body === "object" ? res.body : {}) as QueryPage;
      for (const rec of page.records ?? []) {
        const value = Object.entries(rec).find(([k]) => k.toLowerCase() === field.toLowerCase())?.[1];
        const id = rec.Id;
        if (typeof id !== "string") continue;
        for (const key of byNorm.get(norm(value)) ?? []) ids.set(key, [...(ids.get(key) ?? []), id]);
      }
      path = page.done === false && page.nextRecordsUrl ? page.nextRecordsUrl : undefined;
    }
  }
  return ids;
}
