import type { Dialect } from "../../warehouse/types.ts";
import { DEFAULT_BLOCKED_PATTERNS, DEFAULT_BLOCKED_VALUES, type Ruleset } from "./rules.ts";

/**
 * SQL that cleans an identifier value according to the ruleset's normaliser for its type.
 * `type` and `value` are SQL expressions.
 */
export function normalizeSql(d: Dialect, rules: Ruleset, type: string, value: string): string {
  // Empty means absent: '' and whitespace become NULL, which the blocked rules report as "empty".
  const text = `NULLIF(TRIM(${d.cast(value, "string")}), '')`;
  const branches = Object.entries(rules.normalize).map(
    ([t, n]) => `WHEN ${d.literal(t)} THEN ${normalizerSql(d, n, text)}`,
  );
  return branches.length ? `CASE ${type} ${branches.join(" ")} ELSE ${text} END` : text;
}

function normalizerSql(d: Dialect, n: Ruleset["normalize"][string], text: string): string {
  if (typeof n === "object") return phoneE164Sql(d, text, n.defaultCallingCode);
  switch (n) {
    case "email":
      return `LOWER(${d.regexpReplace(text, "\\s", "")})`;
    case "email_canonical":
      return canonicalEmailSql(d, `LOWER(${d.regexpReplace(text, "\\s", "")})`);
    case "lower":
      return `LOWER(${text})`;
    case "digits":
      return d.regexpReplace(text, "[^0-9]", "");
    case "trim":
    case "none":
      return text;
  }
}

/** Well-known mistypings of the big mailbox domains (whole domains), and the domain meant. */
const DOMAIN_TYPOS: [string, string][] = [
  [
    "gmial\\.com|gmai\\.com|gamil\\.com|gmal\\.com|gnail\\.com|gmaill\\.com|gmail\\.co|gmail\\.con|gmail\\.cm|googlemail\\.com",
    "gmail.com",
  ],
  ["hotmial\\.com|hotmal\\.com|hotmil\\.com|hotmai\\.com|hotmail\\.co|hotmail\\.con", "hotmail.com"],
  ["yaho\\.com|yahooo\\.com|yhoo\\.com|yahoo\\.co|yahoo\\.con", "yahoo.com"],
  ["outlok\\.com|outloo\\.com|otlook\\.com|outlook\\.co|outlook\\.con", "outlook.com"],
  ["iclod\\.com|icoud\\.com|iclould\\.com|icloud\\.co|icloud\\.con", "icloud.com"],
];

/** Providers that deliver `name+tag@` to `name@`. */
const SUBADDRESSING =
  "gmail\\.com|outlook\\.com|hotmail\\.com|live\\.com|icloud\\.com|me\\.com|protonmail\\.com|proton\\.me|fastmail\\.com";

/** One address per inbox (see the `email_canonical` normaliser); `email` is already lower case. */
function canonicalEmailSql(d: Dialect, email: string): string {
  let e = email;
  for (const [typos, domain] of DOMAIN_TYPOS) {
    e = d.regexpReplace(e, `@(${typos})$`, `@${domain}`);
  }
  e = d.regexpReplace(e, `^([^@+]+)\\+[^@]*@(${SUBADDRESSING})$`, "\\1@\\2");
  // Gmail ignores dots in the local part: drop them there (and only there).
  return `CASE WHEN ${e} LIKE '%@gmail.com' THEN CONCAT(REPLACE(SUBSTR(${e}, 1, LENGTH(${e}) - 10), '.', ''), '@gmail.com') ELSE ${e} END`;
}

/**
 * E.164 from the ways people write phone numbers: "+44 (0)20 7946 0958", "0044 20…", "020 7946
 * 0958" (national, trunk 0, default calling code), "(415) 555-0134" (NANP). A number written in
 * national form is read with the default calling code: numbers from other countries written
 * nationally stay distinct rather than being guessed. Fewer than 8 digits is a fragment: NULL.
 */
export function phoneE164Sql(d: Dialect, text: string, callingCode: string, callingCodeSql?: string): string {
  const p = d.regexpReplace(d.regexpReplace(text, "\\(0\\)", ""), "[^0-9+]", "");
  const digits = d.regexpReplace(p, "[^0-9]", "");
  // An SQL expression may give the calling code per row (the record's country).
  const cc = callingCodeSql ?? d.literal(callingCode);
  const e164 = `CASE
      WHEN ${p} LIKE '+%' THEN CONCAT('+', ${digits})
      WHEN ${p} LIKE '00%' THEN CONCAT('+', SUBSTR(${digits}, 3))
      WHEN ${p} LIKE '0%' THEN CONCAT('+', ${cc}, SUBSTR(${digits}, 2))
      WHEN ${cc} = '1' AND LENGTH(${digits}) = 11 AND ${digits} LIKE '1%' THEN CONCAT('+', ${digits})
      ELSE CONCAT('+', ${cc}, ${digits}) END`;
  return `CASE WHEN ${digits} IS NULL OR LENGTH(${digits}) < 8 THEN NULL ELSE ${e164} END`;
}

/** A condition true when the (normalised) value is blocked; `reason` gives the rule that matched. */
export function blockedSql(
  d: Dialect,
  rules: Ruleset,
  type: string,
  value: string,
): { condition: string; reason: string } {
  const exact = [...(rules.blocked.defaults ? DEFAULT_BLOCKED_VALUES : []), ...rules.blocked.values];
  const patterns = [...(rules.blocked.defaults ? DEFAULT_BLOCKED_PATTERNS : []), ...rules.blocked.patterns];
  const cases: { when: string; reason: string }[] = [
    { when: `${value} IS NULL`, reason: "empty or invalid after normalisation" },
  ];
  if (exact.length) {
    cases.push({
      when: `LOWER(${value}) IN (${exact.map((v) => d.literal(v)).join(", ")})`,
      reason: "blocked value",
    });
  }
  for (const pattern of patterns) {
    cases.push({ when: d.regexpContains(`LOWER(${value})`, pattern), reason: `blocked pattern ${pattern}` });
  }
  for (const [t, extra] of Object.entries(rules.blocked.byType)) {
    if (extra.values.length) {
      cases.push({
        when: `${type} = ${d.literal(t)} AND ${value} IN (${extra.values.map((v) => d.literal(v)).join(", ")})`,
        reason: `blocked ${t} value`,
      });
    }
    for (const pattern of extra.patterns) {
      cases.push({
        when: `${type} = ${d.literal(t)} AND ${d.regexpContains(value, pattern)}`,
        reason: `blocked ${t} pattern ${pattern}`,
      });
    }
  }
  const reason = `CASE ${cases.map((c) => `WHEN ${c.when} THEN ${d.literal(c.reason)}`).join(" ")} END`;
  return { condition: `(${reason}) IS NOT NULL`, reason };
}
