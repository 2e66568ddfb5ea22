import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Rng } from "../scripts/demo/random.ts";

/** Deterministic numbers (the demo generator's mulberry32) so every run benchmarks the same project. */
export function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

/**
 * Writes a project of `models` models in folders of 100, each referring to 0-3 earlier models
 * (a random DAG), with configs, vars, tests and a partial, like a real project's templates.
 */
export function generateProject(dir: string, models: number, seed = 1): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "partials"), { recursive: true });
  writeFileSync(
    path.join(dir, "cdp.config.ts"),
    `export default { name: "bench", warehouse: { type: "duckdb", path: ":memory:" }, vars: { statuses: ["a", "b", "c"], lookback_days: 30 } };\n`,
  );
  writeFileSync(
    path.join(dir, "partials", "audit_columns.sql"),
    "current_timestamp as loaded_at, '{{target.name}}' as target_name",
  );
  const random = rng(seed);
  for (let i = 0; i < models; i++) {
    const folder = path.join(dir, "models", `area_${String(Math.floor(i / 100)).padStart(3, "0")}`);
    if (i % 100 === 0) mkdirSync(folder, { recursive: true });
    const nRefs = i === 0 ? 0 : Math.floor(random() * 4);
    const refs = new Set<number>();
    for (let r = 0; r < nRefs; r++) refs.add(Math.floor(random() * i));
    const materialized = ["view", "table", "incremental", "view"][i % 4];
    const from = refs.size
      ? [...refs]
          .map((r, k) =>
            k === 0
              ? `from {{ref "model_${r}"}} as t0`
              : `left join {{ref "model_${r}"}} as t${k} using (id)`,
          )
          .join("\n")
      : "from (select 1 as id, 'a' as status, current_date as updated_at) as t0";
    const sql = `{{config materialized="${materialized}"${materialized === "incremental" ? ' unique_key="id"' : ""} tags="area_${Math.floor(i / 100)}"}}
{{!-- Generated model ${i}. --}}
{{test "not_null" column="id"}}
select
  t0.id,
  t0.status,
  t0.updated_at,
  {{#each (var "statuses")}}case when t0.status = '{{this}}' then 1 else 0 end as is_{{this}},
  {{/each}}{{> audit_columns}}
${from}
where t0.updated_at > current_date - {{var "lookback_days"}}
{{#if is_incremental}}and t0.updated_at > (select max(updated_at) from {{self}}){{/if}}
`;
    writeFileSync(path.join(folder, `model_${i}.sql`), sql);
  }
}
