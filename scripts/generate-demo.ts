/**
 * Generates the demo project's seed CSVs (six messy source systems describing
 * one hidden population) and the ground truth that maps every record to its
 * person. Deterministic: the same arguments give byte-identical files.
 *
 *   npm run generate -- --people 2000 --seed 42 --out seeds --truth truth
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { toCsv } from "./demo/csv.ts";
import { generatePeople } from "./demo/people.ts";
import { Rng } from "./demo/random.ts";
import { appSignups } from "./demo/sources/app.ts";
import { crmContacts } from "./demo/sources/crm.ts";
import { loyaltyMembers } from "./demo/sources/loyalty.ts";
import { orders } from "./demo/sources/orders.ts";
import { supportTickets } from "./demo/sources/support.ts";
import { webEvents } from "./demo/sources/web.ts";
import type { SeedTable } from "./demo/table.ts";

const TRUTH_README = `# Ground truth for the demo seeds

\`records.csv\` names the real person behind every record in \`seeds/\`: \`source\` is the seed
file's base name, \`record_id\` that file's primary key value, \`person_id\` the hidden person.
Use it only to score identity resolution (precision/recall of the stitched profiles); models must
never read it. Regenerate with \`npm run generate\` (deterministic for a given --people and --seed).
`;

function positiveInteger(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new Error(`--${name} must be a positive integer, got "${value}"`);
  }
  return parsed;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      people: { type: "string", default: "2000" },
      seed: { type: "string", default: "42" },
      out: { type: "string", default: "seeds" },
      truth: { type: "string", default: "truth" },
    },
    strict: true,
  });
  const peopleCount = positiveInteger("people", values.people);
  const seed = positiveInteger("seed", values.seed);
  const outDir = resolve(values.out);
  const truthDir = resolve(values.truth);

  const people = generatePeople(Rng.derive(seed, "people"), peopleCount);
  const generators = [crmContacts, webEvents, appSignups, orders, supportTickets, loyaltyMembers] as const;
  const names = ["crm", "web", "app", "orders", "support", "loyalty"] as const;
  const tables: SeedTable[] = generators.map((generate, i) => generate(Rng.derive(seed, names[i]!), people));

  mkdirSync(outDir, { recursive: true });
  mkdirSync(truthDir, { recursive: true });
  const truthRows: string[][] = [];
  for (const table of tables) {
    const csv = toCsv(
      table.columns,
      table.rows.map((row) => table.columns.map((column) => row[column]!)),
    );
    writeFileSync(join(outDir, `${table.name}.csv`), csv);
    table.rows.forEach((row, i) => {
      truthRows.push([table.name, row[table.key]!, table.personIds[i]!]);
    });
    console.log(
      `${table.name.padEnd(22)} ${String(table.rows.length).padStart(7)} rows  ${(csv.length / 1024).toFixed(0)} KiB`,
    );
  }
  writeFileSync(join(truthDir, "records.csv"), toCsv(["source", "record_id", "person_id"], truthRows));
  writeFileSync(join(truthDir, "README.md"), TRUTH_README);
  console.log(`${peopleCount} people, seed ${seed} -> ${outDir}, truth -> ${truthDir}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
