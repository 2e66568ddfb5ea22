/**
 * Countries, cities (with postcode shapes and phone area codes), companies and
 * email providers the demo population lives with. Postcode templates use `#` for
 * a digit and `@` for a letter.
 */
import type { NameRegion } from "./names.ts";

export type Country = "US" | "GB" | "DE" | "FR";

export interface City {
  name: string;
  country: Country;
  /** Other spellings people type for the same city. */
  aliases: string[];
  postcodes: string[];
  /** Phone area codes without trunk prefix (e.g. "415", "20", "30", "1"). */
  areaCodes: string[];
}

export const COUNTRY_WEIGHTS: readonly (readonly [Country, number])[] = [
  ["US", 40],
  ["GB", 25],
  ["DE", 20],
  ["FR", 15],
];

/** Which name list a country mostly draws from, and how often it borrows from the others. */
export const NAME_REGIONS: Record<Country, readonly (readonly [NameRegion, number])[]> = {
  US: [
    ["en", 90],
    ["de", 5],
    ["fr", 5],
  ],
  GB: [
    ["en", 92],
    ["fr", 4],
    ["de", 4],
  ],
  DE: [
    ["de", 85],
    ["en", 10],
    ["fr", 5],
  ],
  FR: [
    ["fr", 85],
    ["en", 10],
    ["de", 5],
  ],
};

/** How the same country is written in free-text country fields. */
export const COUNTRY_SPELLINGS: Record<Country, string[]> = {
  US: ["US", "USA", "United States", "United States of America", "us"],
  GB: ["GB", "UK", "United Kingdom", "England", "Great Britain"],
  DE: ["DE", "Germany", "Deutschland", "GER"],
  FR: ["FR", "France", "FRA", "france"],
};

export const CURRENCY: Record<Country, string> = { US: "USD", GB: "GBP", DE: "EUR", FR: "EUR" };

const city = (
  country: Country,
  name: string,
  aliases: string[],
  postcodes: string[],
  areaCodes: string[],
): City => ({ country, name, aliases, postcodes, areaCodes });

export const CITIES: City[] = [
  city("US", "New York", ["NYC", "New York City", "new york"], ["100##", "101##"], ["212", "646", "917"]),
  city("US", "San Francisco", ["SF", "San Fran", "san francisco"], ["941##"], ["415", "628"]),
  city("US", "Boston", ["boston", "BOSTON"], ["021##"], ["617", "857"]),
  city("US", "Chicago", ["chicago"], ["606##"], ["312", "773"]),
  city("US", "Seattle", ["seattle"], ["981##"], ["206"]),
  city("US", "Austin", ["austin", "Austin TX"], ["787##"], ["512", "737"]),
  city("US", "Denver", ["denver"], ["802##"], ["303", "720"]),
  city("US", "Los Angeles", ["LA", "los angeles"], ["900##"], ["213", "310", "323"]),
  city("US", "Newark", ["newark"], ["071##"], ["973"]),
  city(
    "GB",
    "London",
    ["london", "LONDON", "Greater London"],
    ["SW1A #@@", "E1 #@@", "N1 #@@", "SE1 #@@", "SW11 #@@", "W1T #@@", "NW3 #@@", "EC1V #@@"],
    ["20"],
  ),
  city("GB", "Manchester", ["manchester"], ["M1 #@@", "M4 #@@", "M20 #@@"], ["161"]),
  city("GB", "Birmingham", ["birmingham", "B'ham"], ["B1 #@@", "B15 #@@"], ["121"]),
  city("GB", "Leeds", ["leeds"], ["LS1 #@@", "LS6 #@@"], ["113"]),
  city("GB", "Bristol", ["bristol"], ["BS1 #@@", "BS8 #@@"], ["117"]),
  city("GB", "Edinburgh", ["edinburgh"], ["EH1 #@@", "EH3 #@@"], ["131"]),
  city("GB", "Glasgow", ["glasgow"], ["G1 #@@", "G12 #@@"], ["141"]),
  city("DE", "Berlin", ["berlin", "BERLIN"], ["10###", "12###", "13###"], ["30"]),
  city("DE", "Hamburg", ["hamburg"], ["20###", "22###"], ["40"]),
  city("DE", "München", ["Munich", "Muenchen", "munchen"], ["80###", "81###"], ["89"]),
  city("DE", "Köln", ["Cologne", "Koeln", "koln"], ["50###", "51###"], ["221"]),
  city("DE", "Frankfurt am Main", ["Frankfurt", "Frankfurt a.M."], ["60###"], ["69"]),
  city("FR", "Paris", ["paris", "PARIS"], ["7500#", "7501#"], ["1"]),
  city("FR", "Lyon", ["lyon"], ["6900#"], ["4"]),
  city("FR", "Marseille", ["marseille"], ["130##"], ["4"]),
  city("FR", "Toulouse", ["toulouse"], ["310##"], ["5"]),
  city("FR", "Bordeaux", ["bordeaux"], ["330##"], ["5"]),
  city("FR", "Lille", ["lille"], ["590##"], ["3"]),
  city("FR", "Nantes", ["nantes"], ["440##"], ["2"]),
];

export interface Company {
  name: string;
  domain: string;
  /** How the company name is written elsewhere. */
  variants: string[];
}

const company = (name: string, domain: string, variants: string[]): Company => ({ name, domain, variants });

export const COMPANIES: Company[] = [
  company("Northwind Traders", "northwindtraders.com", [
    "Northwind",
    "northwind traders",
    "Northwind Traders Inc.",
  ]),
  company("Contoso", "contoso.com", ["Contoso Ltd", "Contoso Ltd.", "CONTOSO"]),
  company("Fabrikam", "fabrikam.com", ["Fabrikam Inc", "fabrikam"]),
  company("Tailspin Toys", "tailspintoys.com", ["Tailspin", "tailspin toys"]),
  company("Adventure Works", "adventure-works.com", ["AdventureWorks", "Adventure Works Cycles"]),
  company("Litware", "litwareinc.com", ["Litware Inc.", "litware"]),
  company("Woodgrove Bank", "woodgrovebank.com", ["Woodgrove", "WOODGROVE BANK"]),
  company("Lucerne Publishing", "lucernepublishing.com", ["Lucerne", "Lucerne Publishing Ltd"]),
  company("Alpine Ski House", "alpineskihouse.com", ["Alpine Ski", "alpine ski house"]),
  company("Coho Winery", "cohowinery.com", ["Coho", "Coho Winery LLC"]),
  company("Fourth Coffee", "fourthcoffee.com", ["4th Coffee", "fourth coffee"]),
  company("Wide World Importers", "wideworldimporters.com", ["WWI", "Wide World"]),
  company("Humongous Insurance", "humongousinsurance.com", ["Humongous", "Humongous Ins."]),
  company("Trey Research", "treyresearch.net", ["Trey", "trey research"]),
  company("Relecloud", "relecloud.com", ["ReleCloud", "relecloud"]),
  company("Proseware", "proseware.com", ["Proseware Inc", "proseware"]),
  company("Globex", "globex.com", ["Globex Corp", "Globex Corporation", "GLOBEX"]),
  company("Initech", "initech.com", ["Initech LLC", "initech"]),
  company("Nordlicht Logistik", "nordlicht-logistik.de", ["Nordlicht Logistik GmbH", "Nordlicht"]),
  company("Brauhaus Becker", "brauhaus-becker.de", ["Brauhaus Becker AG", "brauhaus becker"]),
  company("Atelier Lumière", "atelier-lumiere.fr", ["Atelier Lumiere", "Atelier Lumière SARL"]),
  company("Vignobles Girard", "vignobles-girard.fr", ["Vignobles Girard SAS", "vignobles girard"]),
  company("Thames Analytics", "thamesanalytics.co.uk", ["Thames Analytics Ltd", "thames analytics"]),
  company("Pennine Foods", "penninefoods.co.uk", ["Pennine Foods plc", "Pennine"]),
];

/** Personal mailbox providers by country, weighted. */
export const EMAIL_PROVIDERS: Record<Country, readonly (readonly [string, number])[]> = {
  US: [
    ["gmail.com", 45],
    ["yahoo.com", 15],
    ["outlook.com", 12],
    ["hotmail.com", 10],
    ["icloud.com", 12],
    ["aol.com", 6],
  ],
  GB: [
    ["gmail.com", 40],
    ["hotmail.co.uk", 15],
    ["yahoo.co.uk", 10],
    ["outlook.com", 12],
    ["btinternet.com", 10],
    ["icloud.com", 13],
  ],
  DE: [
    ["gmail.com", 30],
    ["gmx.de", 25],
    ["web.de", 25],
    ["t-online.de", 12],
    ["outlook.de", 8],
  ],
  FR: [
    ["gmail.com", 35],
    ["orange.fr", 20],
    ["free.fr", 15],
    ["laposte.net", 10],
    ["sfr.fr", 10],
    ["hotmail.fr", 10],
  ],
};

/** Domain misspellings people type (and forms accept). */
export const DOMAIN_TYPOS: Record<string, string> = {
  "gmail.com": "gmial.com",
  "yahoo.com": "yaho.com",
  "hotmail.com": "hotmial.com",
  "outlook.com": "outlok.com",
  "gmx.de": "gmx.dee",
  "web.de": "wed.de",
  "orange.fr": "orage.fr",
  "icloud.com": "iclod.com",
};
