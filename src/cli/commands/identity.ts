import type { ProjectOptions } from "../../api.ts";
import { UsageError } from "../../errors.ts";
import { evaluateIdentity, explainIdentity, reportIdentity } from "../../identity/api.ts";
import { type Explanation, likelihoodWords } from "../../identity/match/explain.ts";
import type { ProfilePathExplanation } from "../../identity/stitch/explain-path.ts";

const out = (line = "") => process.stdout.write(`${line}\n`);
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export async function printIdentity(
  action: string,
  options: ProjectOptions & { model?: string; truth?: string; records?: string[] },
  format: "text" | "json",
): Promise<void> {
  if (action === "explain") {
    const records = options.records ?? [];
    if (records.length !== 2)
      throw new UsageError(
        "identity explain needs two record ids: cdp identity explain <record_a> <record_b>",
      );
    const e = await explainIdentity({ ...options, recordA: records[0]!, recordB: records[1]! });
    if (format === "json") out(JSON.stringify({ event: "identity_explain", ...e }));
    else if ("path" in e) printProfilePath(e);
    else printExplanation(e);
    return;
  }
  if (action === "suggest") {
    const { printSuggestion } = await import("./identity-suggest.ts");
    await printSuggestion(options, format);
    return;
  }
  if (action === "evaluate") {
    if (!options.truth)
      throw new UsageError("identity evaluate needs --truth <csv with source, record_id, person_id>");
    const q = await evaluateIdentity({ ...options, truth: options.truth });
    if (format === "json") {
      out(JSON.stringify({ event: "identity_quality", ...q }));
      return;
    }
    out(`Identity quality of ${q.model} against ${options.truth}`);
    out(
      `  records ${q.records.toLocaleString("en-US")} (${q.matchedRecords.toLocaleString("en-US")} with a profile), persons ${q.persons.toLocaleString("en-US")}, profiles ${q.profiles.toLocaleString("en-US")}`,
    );
    out(
      `  pairs: true ${q.truePairs.toLocaleString("en-US")}, predicted ${q.predictedPairs.toLocaleString("en-US")}, correct ${q.correctPairs.toLocaleString("en-US")}`,
    );
    out(`  precision ${pct(q.precision)}   recall ${pct(q.recall)}   F1 ${pct(q.f1)}`);
    if (q.linkable) {
      const l = q.linkable;
      out(
        `  linkable records only (${l.records.toLocaleString("en-US")} of ${q.records.toLocaleString("en-US")}: the rest carry nothing that says whose they are):`,
      );
      out(`  precision ${pct(l.precision)}   recall ${pct(l.recall)}   F1 ${pct(l.f1)}`);
    }
    for (const b of q.blocking) {
      out(
        b.recordsInTruth
          ? `  blocking recall of ${b.model}: ${pct(b.recall)} of ${b.truePairs.toLocaleString("en-US")} true pairs share a blocking rule (${b.recordsInTruth.toLocaleString("en-US")} of its records in the truth); no match can find the rest`
          : `  blocking recall of ${b.model}: none of its record ids are in the truth; \`cdp identity suggest --truth\` takes a CSV of its record_id, person_id`,
      );
    }
    return;
  }
  const r = await reportIdentity(options);
  if (format === "json") {
    out(JSON.stringify({ event: "identity_report", ...r }));
    return;
  }
  out(`Identity report: ${r.model}${r.lastRun ? ` (last run ${r.lastRun})` : ""}`);
  out(
    `  ${r.profiles.toLocaleString("en-US")} profiles, ${r.identifiers.toLocaleString("en-US")} identifiers`,
  );
  out(
    `  identifiers by type: ${r.identifiersByType.map((t) => `${t.type} ${t.identifiers.toLocaleString("en-US")}`).join(", ")}`,
  );
  out("  profile sizes (identifiers per profile):");
  const widest = Math.max(...r.sizeHistogram.map((s) => s.profiles), 1);
  for (const s of r.sizeHistogram) {
    out(
      `    ${s.size.padStart(5)} ${"█".repeat(Math.max(1, Math.round((s.profiles / widest) * 40)))} ${s.profiles.toLocaleString("en-US")}`,
    );
  }
  out("  largest profiles:");
  for (const l of r.largest) out(`    ${l.profileId}  ${l.identifiers} identifiers (${l.byType})`);
  out("  set aside or cut by the rules:");
  if (!r.cuts.length) out("    nothing");
  for (const c of r.cuts) out(`    ${c.reason.padEnd(8)} ${String(c.identifiers).padStart(6)}  ${c.detail}`);
  out(
    `  merges in the last run: ${r.mergesLastRun.map((m) => `${m.count} ${m.reason}`).join(", ") || "none"}`,
  );
}

const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(2)}`;
const shown = (v: unknown) => (v == null ? "(none)" : JSON.stringify(v));
const percent = (p: number) =>
  p === 1 || p === 0
    ? `${p * 100}%`
    : p > 0.9999
      ? `${(p * 100).toPrecision(7)}%`
      : p < 0.0001
        ? `${(p * 100).toPrecision(3)}%`
        : `${(p * 100).toFixed(2)}%`;

function printExplanation(e: Explanation): void {
  out(`Why ${e.model} scores ${e.recordA} and ${e.recordB} as it does`);
  const oneIn = Math.round(1 / e.prior).toLocaleString("en-US");
  out(
    `  Before looking at any detail: two random records are the same person 1 time in ${oneIn} (prior ${e.prior.toPrecision(3)}, weight ${signed(e.priorWeight)})`,
  );
  out("  Then each comparison:");
  for (const c of e.comparisons) {
    out(`    ${c.level}: ${shown(c.values[0])} / ${shown(c.values[1])}`);
    if (c.gamma < 0) continue;
    const why =
      c.termFrequency !== undefined
        ? `, a value shared by ${percent(c.termFrequency)} of the records`
        : c.m !== null && c.u !== null
          ? ` (seen for ${percent(c.m)} of true matches, ${percent(c.u)} of other pairs)`
          : "";
    out(`      ${likelihoodWords(c.bayesFactor)}${why}: weight ${signed(c.weight)}`);
  }
  out(
    `  Total match weight ${signed(e.matchWeight)}: match probability ${percent(e.matchProbability)}, ${e.aboveThreshold ? "at or above" : "below"} the threshold ${e.threshold}`,
  );
  if (e.sameSource) {
    out(
      "  Both records come from one source, and this link_only match compares only records of different sources.",
    );
  } else if (!e.blockingRules.length) {
    out("  The two records share no blocking rule, so the match never compares them.");
  } else {
    out(`  Compared because they agree on: ${e.blockingRules.map((r) => `[${r}]`).join(", ")}`);
  }
  if (e.rulesLeftOut.length && !e.sameSource) {
    out(
      `  They also agree on optional rules the build left out (over the pair budget on these records): ${e.rulesLeftOut.map((r) => `[${r}]`).join(", ")}`,
    );
  }
  out(
    `  ${e.inOutput ? `A match: the pair is in ${e.model} and becomes an identity edge.` : `Not a match: the pair is not in ${e.model}.`}`,
  );
}

/** Why two identifiers share a profile, or not: the path of links and what cut it. */
function printProfilePath(e: ProfilePathExplanation): void {
  const id = (r: { type: string; value: string }) => `${r.type}:${r.value}`;
  out(
    `Why ${e.model} puts ${id(e.a)} and ${id(e.b)} ${e.sameProfile ? "in one profile" : "in two profiles"}`,
  );
  out(`  ${id(e.a)} is in ${e.a.profileId}, ${id(e.b)} in ${e.b.profileId}`);
  if (!e.path.length) out("  No chain of links joins them: nothing says they are the same person.");
  else
    out(
      `  ${e.sameProfile ? "Joined" : "Linked, before the cuts,"} by ${e.path.length} link${e.path.length === 1 ? "" : "s"}:`,
    );
  for (const l of e.path) {
    const weight = l.weight === null ? "deterministic" : `match weight ${signed(l.weight)}`;
    out(
      `    ${id(l.from)} -> ${id(l.to)}  ${weight}${l.source ? ` (${l.source})` : ""}${l.status === "cut" ? "  CUT" : ""}`,
    );
    if (l.cut) out(`      ${l.cut}`);
  }
  if (e.cannotLinks.length) {
    out("  Different people, one in each profile:");
    for (const c of e.cannotLinks) out(`    ${id(c.a)} / ${id(c.b)}  weight ${signed(c.weight)}`);
  }
}
