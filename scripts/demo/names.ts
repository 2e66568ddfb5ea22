/**
 * Embedded name lists for the demo population. First names may carry nicknames
 * ("Robert:Bob|Rob") so that sources can disagree on what a person is called.
 */

export type NameRegion = "en" | "de" | "fr";

export interface FirstName {
  name: string;
  nicknames: string[];
}

/** Whitespace-separated list (names here never contain spaces). */
function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

const FIRST_EN = words(`
  Robert:Bob|Rob|Bobby William:Bill|Will|Billy James:Jim|Jimmy John:Jack|Johnny Michael:Mike
  David:Dave Richard:Rick|Rich Joseph:Joe|Joey Thomas:Tom|Tommy Charles:Charlie|Chuck
  Christopher:Chris Daniel:Dan|Danny Matthew:Matt Anthony:Tony Andrew:Andy|Drew Joshua:Josh
  Steven:Steve Edward:Ed|Eddie|Ted Benjamin:Ben Samuel:Sam Alexander:Alex Nicholas:Nick Jonathan:Jon
  Timothy:Tim Patrick:Pat Gregory:Greg Peter:Pete Henry:Harry Oliver:Ollie Jacob:Jake George Ethan
  Noah Liam Lucas Ryan Kevin Brian Jason Eric Mark Scott Elizabeth:Liz|Beth|Eliza
  Katherine:Kate|Katie|Kathy Margaret:Maggie|Peggy|Meg Jennifer:Jen|Jenny Jessica:Jess
  Rebecca:Becky|Becca Victoria:Vicky|Tori Patricia:Patty|Trish Susan:Sue|Susie Deborah:Debbie|Deb
  Christine:Chrissy Alexandra:Alex|Lexi Samantha:Sam Abigail:Abby Emily:Em Olivia:Liv Charlotte:Lottie
  Amelia:Amy Isabella:Bella|Izzy Sophia:Sophie Natalie:Nat Emma Ava Mia Grace Chloe Hannah Lucy Sarah
  Laura Rachel Megan Alice Ruby Zoe Priya Aisha Mei
`);

const FIRST_DE = words(`
  Jürgen Klaus Stefan Wolfgang Andreas:Andi Matthias:Matze Tobias:Tobi Sebastian:Basti Maximilian:Max
  Florian:Flo Lukas Jonas Felix Leon Uwe Dieter Günter Jörg Björn Torsten Frank Johannes:Hannes Anna
  Lena Katrin Sabine Ursula:Uschi Susanne:Susi Petra Monika Julia Franziska:Franzi Jana Greta Marie
  Birgit Anke Friederike:Rike Gisela Heike
`);

const FIRST_FR = words(`
  François Jean Pierre Michel Philippe Nicolas:Nico Julien Antoine Guillaume Mathieu Sébastien:Seb
  Frédéric:Fred Laurent Olivier Thierry Stéphane Benoît Jérôme Clément Théo Hugo Louis Raphaël Camille
  Léa Chloé Manon Inès Sophie Isabelle:Isa Nathalie Céline Hélène Élodie Amélie Margaux Juliette
  Océane Émilie Aurélie
`);

const LAST_EN = words(`
  Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson Thompson White
  Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill
  Campbell Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy
  Cook Rogers O'Brien McDonald O'Connor MacLeod Hughes Price Bennett Wood Barnes Ross Henderson
  Coleman Jenkins Perry Powell Patel Khan Nguyen Garcia Rodriguez Kim
`);

const LAST_DE = words(`
  Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer
  Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hartmann Lange Schmitt Werner
  Schmitz Krause Meier Lehmann Schulze Maier Köhler Herrmann König Walter Huber Kaiser Fuchs Peters
  Scholz Weiß Jäger Groß Vogel
`);

const LAST_FR = words(`
  Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel
  David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet
  François Legrand Garnier Faure Rousseau Blanc Guérin Henry Roussel Perrin Morin Mathieu Clément
  Gauthier Dumont Fontaine Chevalier Robin
`);

function parseFirst(entries: string[]): FirstName[] {
  return entries.map((entry) => {
    const [name, nicks] = entry.split(":");
    return { name: name!, nicknames: nicks ? nicks.split("|") : [] };
  });
}

export const FIRST_NAMES: Record<NameRegion, FirstName[]> = {
  en: parseFirst(FIRST_EN),
  de: parseFirst(FIRST_DE),
  fr: parseFirst(FIRST_FR),
};

export const LAST_NAMES: Record<NameRegion, string[]> = { en: LAST_EN, de: LAST_DE, fr: LAST_FR };

const FOLD_GERMAN: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", Ä: "Ae", Ö: "Oe", Ü: "Ue" };

/**
 * ASCII spelling of a name as people type it into forms and email addresses:
 * "Müller" becomes "Mueller" (german style) or "Muller" (accents dropped).
 */
export function asciiFold(text: string, germanStyle: boolean): string {
  const replaced = germanStyle ? text.replace(/[äöüßÄÖÜ]/g, (ch) => FOLD_GERMAN[ch] ?? ch) : text;
  return replaced
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}
