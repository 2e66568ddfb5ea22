/**
 * Phone numbers that are valid-looking for their country, and the many ways the
 * same number gets written down. A number is kept as country + national
 * significant number (NSN, no trunk "0"); E.164 is "+" + calling code + NSN.
 */
import type { City, Country } from "./places.ts";
import type { Rng } from "./random.ts";

export interface Phone {
  country: Country;
  /** National significant number, digits only. */
  nsn: string;
  /** The NSN split the way the country groups it when writing it down. */
  groups: string[];
}

export const CALLING_CODE: Record<Country, string> = { US: "1", GB: "44", DE: "49", FR: "33" };

export function e164(phone: Phone): string {
  return `+${CALLING_CODE[phone.country]}${phone.nsn}`;
}

function make(country: Country, groups: string[]): Phone {
  return { country, nsn: groups.join(""), groups };
}

function usNumber(rng: Rng, area: string): Phone {
  let exchange = `${rng.int(2, 9)}${rng.digits(2)}`;
  if (exchange.endsWith("11")) exchange = `${exchange.slice(0, 2)}2`;
  return make("US", [area, exchange, rng.digits(4)]);
}

const DE_MOBILE = [
  "151",
  "152",
  "157",
  "160",
  "162",
  "163",
  "170",
  "171",
  "172",
  "173",
  "175",
  "176",
  "177",
  "179",
];

export function mobileNumber(rng: Rng, city: City): Phone {
  switch (city.country) {
    case "US":
      return usNumber(rng, rng.pick(city.areaCodes));
    case "GB":
      return make("GB", [`7${rng.pick(["4", "5", "7", "8", "9"])}${rng.digits(2)}`, rng.digits(6)]);
    case "DE": {
      const prefix = rng.pick(DE_MOBILE);
      return make("DE", [prefix, rng.digits(prefix.startsWith("15") || rng.chance(0.5) ? 8 : 7)]);
    }
    case "FR":
      return make("FR", [rng.pick(["6", "7"]), rng.digits(2), rng.digits(2), rng.digits(2), rng.digits(2)]);
  }
}

export function landlineNumber(rng: Rng, city: City): Phone {
  const area = rng.pick(city.areaCodes);
  switch (city.country) {
    case "US":
      return usNumber(rng, area);
    case "GB":
      return area.length === 2
        ? make("GB", [area, `${rng.pick(["3", "7", "8"])}${rng.digits(3)}`, rng.digits(4)])
        : make("GB", [area, `${rng.int(2, 9)}${rng.digits(2)}`, rng.digits(4)]);
    case "DE":
      return make("DE", [area, `${rng.int(2, 9)}${rng.digits(area.length === 2 ? 7 : 6)}`]);
    case "FR":
      return make("FR", [area, rng.digits(2), rng.digits(2), rng.digits(2), rng.digits(2)]);
  }
}

function usFormat(rng: Rng, groups: string[]): string {
  const [a, b, c] = groups as [string, string, string];
  return rng.weighted<string>([
    [`(${a}) ${b}-${c}`, 25],
    [`${a}-${b}-${c}`, 20],
    [`${a}.${b}.${c}`, 8],
    [`${a}${b}${c}`, 15],
    [`+1 ${a}-${b}-${c}`, 10],
    [`+1${a}${b}${c}`, 10],
    [`1-${a}-${b}-${c}`, 5],
    [`+1 (${a}) ${b} ${c}`, 4],
    [`${a} ${b} ${c}`, 3],
  ]);
}

/** One realistic written form of `phone`, drawn at random. */
export function formatPhone(rng: Rng, phone: Phone): string {
  if (phone.country === "US") return usFormat(rng, phone.groups);
  const cc = CALLING_CODE[phone.country];
  const g = phone.groups;
  const [area, ...rest] = g as [string, ...string[]];
  const localStyle: readonly [string, number][] =
    phone.country === "DE"
      ? [
          [`0${area}/${rest.join("")}`, 10],
          [`0${area}-${rest.join("")}`, 4],
        ]
      : phone.country === "FR"
        ? [
            [`0${g.join(".")}`, 10],
            [`0${g.join("-")}`, 3],
          ]
        : area.startsWith("7")
          ? [[`0${area}-${rest.join("")}`, 2]]
          : [[`(0${area}) ${rest.join(" ")}`, 6]];
  return rng.weighted<string>([
    [`0${g.join(" ")}`, 30],
    [`0${g.join("")}`, 14],
    [`+${cc} ${g.join(" ")}`, 20],
    [`+${cc}${g.join("")}`, 12],
    [`00 ${cc} ${g.join(" ")}`, 4],
    [`00${cc}${g.join("")}`, 2],
    [`+${cc} (0)${g.join(" ")}`, 6],
    ...localStyle,
  ]);
}

/** What support staff note when the caller only gives part of the number. */
export function phoneFragment(rng: Rng, phone: Phone): string {
  const last4 = phone.nsn.slice(-4);
  const last6 = phone.nsn.slice(-6);
  return rng.weighted<string>([
    [last4, 35],
    [`...${last4}`, 15],
    [`ending ${last4}`, 15],
    [`ends in ${last4}`, 10],
    [`${last6.slice(0, 2)} ${last4}`, 15],
    [`xxx-${last4}`, 10],
  ]);
}

/** Placeholder phone values typed into required fields. */
export const JUNK_PHONES = [
  "0000000000",
  "000-000-0000",
  "1234567890",
  "5555555555",
  "9999999999",
  "+1 000 000 0000",
  "00000000000",
  "N/A",
  "unknown",
  "none",
  "-",
];
