import { getCountries, getCountryCallingCode } from "libphonenumber-js";
import { phoneE164Sql } from "../identity/stitch/normalize-sql.ts";
import type { Dialect } from "../warehouse/types.ts";

/** ISO 3166 alpha-2 country → calling code, from libphonenumber's metadata (e.g. DE → 49). */
function callingCodeSql(d: Dialect, country: string): string {
  const c = `UPPER(TRIM(${d.cast(d.quoteIdentifier(country), "string")}))`;
  const cases = getCountries().map(
    (iso) => `WHEN ${d.literal(iso)} THEN ${d.literal(String(getCountryCallingCode(iso)))}`,
  );
  return `CASE ${c} ${cases.join(" ")} ELSE NULL END`;
}

/**
 * The `phone` transform of a sync field: E.164, with nationally written numbers read in the
 * record's country (`countryColumn`, an ISO code) before the sync's `defaultCallingCode`, and
 * NULL for what cannot be a number: more than 15 digits, a calling code starting with 0
 * ("+00000000"), or a NANP number (+1) whose area code or exchange starts with 0 or 1 (a German
 * mobile typed "01719083461" and read with calling code 1 gives "+11719083461", which no NANP
 * number is). A NULL field is sent as no value: better than a wrong identifier.
 */
export function syncPhoneSql(d: Dialect, text: string, callingCode: string, countryColumn?: string): string {
  const cc = countryColumn
    ? `COALESCE(${callingCodeSql(d, countryColumn)}, ${d.literal(callingCode)})`
    : undefined;
  const e164 = phoneE164Sql(d, text, callingCode, cc);
  const valid = `${d.regexpContains(e164, "^\\+[1-9][0-9]{7,14}$")} AND (${e164} NOT LIKE '+1%' OR ${d.regexpContains(e164, "^\\+1[2-9][0-9]{2}[2-9][0-9]{6}$")})`;
  return `CASE WHEN ${valid} THEN ${e164} ELSE NULL END`;
}
