import type { ProjectOptions } from "../../api.ts";
import { UsageError } from "../../errors.ts";
import { evaluateIdentity, reportIdentity } from "../../identity/api.ts";

const out = (line = "") => process.stdout.write(`${line}\n`);
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export async function printIdentity(
  action: string,
  options: ProjectOptions & { model?: string; truth?: string },
  format: "text" | "json",
): Promise<void> {
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
