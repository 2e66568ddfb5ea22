/**
 * How one person's name gets written by different systems: as given, without
 * accents, with a nickname, a typo, odd casing, or stray whitespace.
 */
import { messyName, type NameStyle } from "./messy.ts";
import { asciiFold } from "./names.ts";
import type { Person } from "./people.ts";
import type { Rng } from "./random.ts";

/** Probability that a form stripped accents/umlauts ("Jürgen" -> "Jurgen"/"Juergen"). */
const FOLD_PROBABILITY = 0.25;

export function firstNameAs(rng: Rng, person: Person, style: NameStyle): string {
  const base = rng.chance(FOLD_PROBABILITY)
    ? asciiFold(person.first.name, person.germanFold)
    : person.first.name;
  return messyName(rng, base, person.first.nicknames, style);
}

export function lastNameAs(rng: Rng, person: Person, style: NameStyle): string {
  const base = rng.chance(FOLD_PROBABILITY) ? asciiFold(person.lastName, person.germanFold) : person.lastName;
  return messyName(rng, base, [], style);
}

/** "Alice Smith", "alice smith", "Smith, Alice", "Alice S.", "Alice", "Alice J. Smith", ... */
export function fullNameAs(
  rng: Rng,
  person: Person,
  style: NameStyle,
  layouts: readonly (readonly [string, number])[],
): string {
  const first = firstNameAs(rng, person, { ...style, spacing: 0 });
  const last = lastNameAs(rng, person, { ...style, nickname: 0, spacing: 0 });
  const initial = String.fromCharCode(65 + rng.int(0, 25));
  const layout = rng.weighted(layouts);
  const out =
    layout === "last_first"
      ? `${last}, ${first}`
      : layout === "LAST_first"
        ? `${last.toUpperCase()}, ${first}`
        : layout === "middle"
          ? `${first} ${initial}. ${last}`
          : layout === "initial"
            ? `${first} ${last.charAt(0)}.`
            : layout === "first_only"
              ? first
              : layout === "lower"
                ? `${first} ${last}`.toLowerCase()
                : `${first} ${last}`;
  return rng.chance(style.spacing ?? 0) ? `${out} ` : out;
}
