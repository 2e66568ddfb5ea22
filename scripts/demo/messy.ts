/**
 * The small ways people and systems mangle values: case and whitespace,
 * typos, nicknames, placeholder values. Each function takes the clean value and
 * returns one written form of it.
 */
import { DOMAIN_TYPOS } from "./places.ts";
import type { Rng } from "./random.ts";

/** Values typed when a field is required but unknown. Shared by many different people. */
export const JUNK_EMAILS = [
  "test@test.com",
  "noreply@example.com",
  "no-reply@noemail.com",
  "none@none.com",
  "noemail@gmail.com",
  "a@a.com",
  "asdf@asdf.com",
  "customer@shop.example.com",
];

/** Tokens meaning "no value" that show up in any text column. */
export const JUNK_TOKENS = ["unknown", "N/A", "n/a", "none", "NULL", "-", " ", "Unknown"];

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** " Alice.Smith@Example.com ", "alice.smith+shop@gmail.com", "ALICE.SMITH@GMAIL.COM", ... */
export function messyEmail(rng: Rng, email: string): string {
  let [local, domain] = email.split("@") as [string, string];
  if (rng.chance(0.03) && /^(gmail|outlook|icloud)\./.test(domain)) {
    local = `${local}+${rng.pick(["shop", "orders", "newsletter", "promo"])}`;
  }
  const misspelt = DOMAIN_TYPOS[domain];
  if (misspelt && rng.chance(0.012)) domain = misspelt;
  let out = `${local}@${domain}`;
  const casing = rng.next();
  if (casing < 0.12) out = `${local.split(".").map(capitalize).join(".")}@${capitalize(domain)}`;
  else if (casing < 0.16) out = out.toUpperCase();
  else if (casing < 0.19) out = `${capitalize(local)}@${domain}`;
  const spacing = rng.next();
  if (spacing < 0.04) out = ` ${out}`;
  else if (spacing < 0.08) out = `${out} `;
  else if (spacing < 0.1) out = ` ${out} `;
  return out;
}

/** One typing slip: swapped, dropped or doubled letter. */
export function typo(rng: Rng, word: string): string {
  if (word.length < 4) return word;
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 2)) {
    case 0:
      return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    default:
      return word.slice(0, i) + word.charAt(i) + word.slice(i);
  }
}

export interface NameStyle {
  /** Probability of using a nickname when the name has one. */
  nickname?: number;
  /** Probability of a typo. */
  typo?: number;
  /** Probability of ALL CAPS or all lowercase. */
  casing?: number;
  /** Probability of stray whitespace around the value. */
  spacing?: number;
}

/** A first or last name as one source recorded it. */
export function messyName(rng: Rng, name: string, nicknames: readonly string[], style: NameStyle): string {
  let out = name;
  if (nicknames.length > 0 && rng.chance(style.nickname ?? 0)) out = rng.pick(nicknames);
  if (rng.chance(style.typo ?? 0)) out = typo(rng, out);
  if (rng.chance(style.casing ?? 0)) out = rng.chance(0.5) ? out.toUpperCase() : out.toLowerCase();
  if (rng.chance(style.spacing ?? 0)) out = rng.chance(0.5) ? `${out} ` : ` ${out}`;
  return out;
}

/** Postcodes as typed: case and spacing drift; US ZIPs lose a leading zero in spreadsheets. */
export function messyPostcode(rng: Rng, postcode: string): string {
  const roll = rng.next();
  if (/^[A-Z]/.test(postcode)) {
    if (roll < 0.15) return postcode.toLowerCase();
    if (roll < 0.27) return postcode.replace(" ", "");
    if (roll < 0.3) return ` ${postcode}`;
    return postcode;
  }
  if (postcode.startsWith("0") && roll < 0.25) return postcode.slice(1);
  if (roll < 0.02) return `${postcode} `;
  return postcode;
}

/** A junk token, or with probability `blank` the empty string. */
export function junkToken(rng: Rng, blank = 0.5): string {
  return rng.chance(blank) ? "" : rng.pick(JUNK_TOKENS);
}

/** With probability `p`, replace the value by junk (email placeholder, token or blank). */
export function maybeJunkEmail(rng: Rng, value: string, p: number): string {
  if (!rng.chance(p)) return value;
  return rng.chance(0.6) ? rng.pick(JUNK_EMAILS) : junkToken(rng);
}
