import type { ProjectOptions } from "../../api.ts";
import { suggestIdentity } from "../../identity/api.ts";
import type { Suggestion } from "../../identity/match/suggest.ts";

const out = (line = "") => process.stdout.write(`${line}\n`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const n = (x: number) => Math.round(x).toLocaleString("en-US");

/** `cdp identity suggest`: the profile of the match model's columns, its blocking rules, settings to paste. */
export async function printSuggestion(
  options: ProjectOptions & { model?: string; truth?: string },
  format: "text" | "json",
): Promise<void> {
  const s = await suggestIdentity(options);
  if (format === "json") {
    out(JSON.stringify({ event: "identity_suggest", ...s }));
    return;
  }
  out(`Match settings for ${s.model} (from identity.match.${s.settingsName}), ${n(s.records)} records`);
  out("  columns:");
  const width = Math.max(...s.columns.map((c) => c.column.length), 6);
  out(`    ${"column".padEnd(width)}  filled  distinct  skew  most common`);
  for (const c of s.columns) {
    out(
      `    ${c.column.padEnd(width)}  ${pct(c.fillRate).padStart(6)}  ${n(c.distinct).padStart(8)}  ${c.skew.toFixed(0).padStart(4)}  ${c.top === null ? "-" : `${JSON.stringify(c.top)} (${pct(c.topShare)})`}`,
    );
  }
  printRules(s);
  out("  changes:");
  if (!s.changes.length) out("    none: the settings fit these records");
  for (const c of s.changes) out(`    ${c}`);
  out(`  proposed settings (cdp.config.ts identity.match.${s.settingsName}):`);
  out(
    JSON.stringify(
      {
        blocking: s.settings.blocking,
        ...(s.settings.optionalBlocking ? { optionalBlocking: s.settings.optionalBlocking } : {}),
        comparisons: s.settings.comparisons,
        threshold: s.settings.threshold,
      },
      null,
      2,
    )
      .split("\n")
      .map((l) => `    ${l}`)
      .join("\n"),
  );
}

function printRules(s: Suggestion): void {
  const truth = !!s.blockingRecall;
  out(`  blocking rules (pairs${truth ? ", recall of the true pairs, with the rules above" : ""}):`);
  for (const r of s.rules) {
    const rule = `[${r.rule.join(", ")}]`;
    if (r.dropped) {
      out(`    ${rule}  left out: ${r.dropped}`);
      continue;
    }
    const recall =
      r.recall !== undefined
        ? `  recall ${pct(r.recall)}, ${pct(r.cumulativeRecall ?? 0)} with the rules above`
        : "";
    const optional = r.optional
      ? r.optional.applied
        ? "  (optional: applied)"
        : "  (optional: left out on these records, over the pair budget)"
      : "";
    out(`    ${rule}  ${n(r.pairs)} pairs${recall}${optional}`);
  }
  out(
    `  ${n(s.pairs)} pairs in all${s.rules.some((r) => r.optional) ? " (the rules applied)" : ""}, ${s.pairs > s.pairBudget ? "OVER" : "within"} the pair budget of ${n(s.pairBudget)}`,
  );
  if (s.blockingRecall) {
    const b = s.blockingRecall;
    out(
      `  blocking recall: ${pct(b.recall)} of ${n(b.truePairs)} true pairs (${n(b.recordsInTruth)} of ${n(s.records)} records in the truth)`,
    );
  }
}
