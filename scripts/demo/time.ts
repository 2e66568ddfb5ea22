/**
 * The demo's fixed time window (two years ending 2026-10-31, independent of the
 * clock) and the timestamp spellings the sources use. All times are UTC
 * milliseconds.
 */
import type { Rng } from "./random.ts";

export const DAY_MS = 86_400_000;
export const WINDOW_END = Date.UTC(2026, 9, 31, 23, 59, 59);
export const WINDOW_START = Date.UTC(2024, 10, 1, 0, 0, 0);

const HOUR_WEIGHTS: readonly (readonly [number, number])[] = Array.from({ length: 24 }, (_, hour) => [
  hour,
  hour < 6 ? 1 : hour < 9 ? 3 : hour < 18 ? 6 : hour < 23 ? 8 : 3,
]);

/** A time between `from` and `to`, with more activity in the day and evening. */
export function randomTime(rng: Rng, from: number, to: number): number {
  if (to <= from) return from;
  const day = Math.floor(from / DAY_MS) + Math.floor(rng.next() * ((to - from) / DAY_MS + 1));
  const hour = rng.weighted(HOUR_WEIGHTS);
  const time = day * DAY_MS + hour * 3_600_000 + rng.int(0, 3_599_999);
  return Math.min(Math.max(time, from), to);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

/** 2025-03-14T09:21:33Z */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** 2025-03-14T09:21:33.412Z */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** 2025-03-14 09:21:33 */
export function sqlTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** 2025-03-14 */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 14/03/2025 09:21 (a helpdesk export in day-first order) */
export function dayFirstMinutes(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}`;
}
