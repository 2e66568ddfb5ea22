/**
 * Job labels, made valid. BigQuery accepts keys and values of at most 63 characters made of
 * lowercase letters, digits, underscores and dashes (keys start with a letter); anything else
 * fails the job. Model names like `Stg Orders` become `stg_orders`.
 */
const clean = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{N}_-]/gu, "_")
    .slice(0, 63);

export function labelKey(key: string): string {
  const k = clean(key);
  return /^\p{Ll}/u.test(k) ? k : `l_${k}`.slice(0, 63);
}

export function jobLabels(...sets: (Record<string, string> | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const set of sets) {
    for (const [k, v] of Object.entries(set ?? {})) out[labelKey(k)] = clean(String(v));
  }
  return out;
}
