/**
 * Generates the demo project's seed CSVs (six messy source systems describing
 * one hidden population) and the ground truth that maps every record to its
 * person. Deterministic: the same arguments give byte-identical files.
 *
 *   npm run generate -- --people 2000 --seed 42 --out seeds --truth truth
 *
 * With --replay, it generates nothing: it sends the web events of `<out>/raw_web_events.csv` to a
 * running collector (`cdp collect`) as real Segment requests, the write key from --write-key or
 * CDP_WRITE_KEY_WEB:
 *
 *   npm run generate -- --replay http://127.0.0.1:8088
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { toCsv } from "./demo/csv.ts";
import { JUNK_EMAILS, JUNK_TOKENS } from "./demo/messy.ts";
import { generatePeople } from "./demo/people.ts";
import { Rng } from "./demo/random.ts";
import { replayWebEvents } from "./demo/replay.ts";
import { appSignups } from "./demo/sources/app.ts";
import { crmContacts } from "./demo/sources/crm.ts";
import { loyaltyMembers } from "./demo/sources/loyalty.ts";
import { orders } from "./demo/sources/orders.ts";
import { supportTickets } from "./demo/sources/support.ts";
import { webEvents } from "./demo/sources/web.ts";
import type { SeedTable } from "./demo/table.ts";

const TRUTH_README = `# Ground truth for the demo seeds

\`records.csv\` names the real person behind every record in \`seeds/\`: \`source\` is the seed
file's base name, \`record_id\` that file's primary key value, \`person_id\` the hidden person,
\`linkable\` 1 when the record carries anything that could tie it to its person (0 for web events
with no user id or email from a browser its person never identified on, or one several people
share, and for orders with only blank or placeholder contact details: nothing in the data says
whose they are). Use it only to score identity resolution (precision/recall of the stitched profiles); models must
never read it. Regenerate with \`npm run generate\` (deterministic for a given --people and --seed).
`;

function positiveInteger(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new Error(`--${name} must be a positive integer, got "${value}"`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      people: { type: "string", default: "2000" },
      seed: { type: "string", default: "42" },
      out: { type: "string", default: "seeds" },
      truth: { type: "string", default: "truth" },
      replay: { type: "string" },
      "write-key": { type: "string" },
    },
    strict: true,
  });
  if (values.replay !== undefined) {
    await replay(values.replay, values["write-key"] ?? process.env.CDP_WRITE_KEY_WEB, resolve(values.out));
    return;
  }
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
    const linkable = linkableRows(table);
    table.rows.forEach((row, i) => {
      truthRows.push([table.name, row[table.key]!, table.personIds[i]!, linkable[i] ? "1" : "0"]);
    });
    console.log(
      `${table.name.padEnd(22)} ${String(table.rows.length).padStart(7)} rows  ${(csv.length / 1024).toFixed(0)} KiB`,
    );
  }
  writeFileSync(
    join(truthDir, "records.csv"),
    toCsv(["source", "record_id", "person_id", "linkable"], truthRows),
  );
  writeFileSync(join(truthDir, "README.md"), TRUTH_README);
  console.log(`${peopleCount} people, seed ${seed} -> ${outDir}, truth -> ${truthDir}`);
}

async function replay(url: string, writeKey: string | undefined, seedsDir: string): Promise<void> {
  if (!/^https?:\/\//.test(url))
    throw new Error(`--replay takes the collector's URL, e.g. http://127.0.0.1:8088, got "${url}"`);
  if (!writeKey)
    throw new Error("--replay needs the source's write key: --write-key KEY or CDP_WRITE_KEY_WEB");
  const file = join(seedsDir, "raw_web_events.csv");
  const started = Date.now();
  let shown = 0;
  const result = await replayWebEvents({
    url,
    writeKey,
    file,
    onProgress: (sent) => {
      if (sent - shown >= 5000) {
        shown = sent;
        console.log(`${sent} events acknowledged`);
      }
    },
  });
  const seconds = (Date.now() - started) / 1000;
  const types = Object.entries(result.byType)
    .map(([type, n]) => `${n} ${type}`)
    .join(", ");
  console.log(
    `${result.events} web events (${types}) replayed to ${url} in ${result.requests} requests, ${seconds.toFixed(1)} s`,
  );
}

/**
 * Whether each record carries what could tie it to its person. Every record does, except:
 * - web events with neither a user id nor an email, from a browser that its person never
 *   identified on (no login, signup or form email there) or that several people share (a family
 *   or library computer);
 * - orders with no user id and only blank or placeholder contact details (a store sale typed in
 *   as test@test.com / "N/A").
 * For those, the data holds nothing that says whose they are.
 */
function linkableRows(table: SeedTable): boolean[] {
  if (table.name === "raw_orders") {
    const junk = new Set([...JUNK_EMAILS, ...JUNK_TOKENS].map((v) => v.trim().toLowerCase()));
    const real = (v: string | undefined) => !!v?.trim() && !junk.has(v.trim().toLowerCase());
    return table.rows.map(
      (row) =>
        real(row.user_id) ||
        (real(row.email) && row.email!.includes("@")) ||
        (real(row.phone) && row.phone!.replace(/\D/g, "").length >= 7),
    );
  }
  if (table.name !== "raw_web_events") return table.rows.map(() => true);
  const users = new Map<string, Set<string>>();
  const identified = new Set<string>();
  table.rows.forEach((row, i) => {
    const anon = row.anonymous_id!;
    const person = table.personIds[i]!;
    if (!users.has(anon)) users.set(anon, new Set());
    users.get(anon)!.add(person);
    if (row.user_id || row.email) identified.add(`${anon}|${person}`);
  });
  return table.rows.map((row, i) => {
    if (row.user_id || row.email) return true;
    const anon = row.anonymous_id!;
    return users.get(anon)!.size === 1 && identified.has(`${anon}|${table.personIds[i]}`);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
