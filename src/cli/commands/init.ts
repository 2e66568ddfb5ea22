import { existsSync, readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../../errors.ts";

const FILES: Record<string, string> = {
  "cdp.config.ts": `import type { UserConfig } from "cdp";

export default {
  name: "my_project",
  // The embedded warehouse: a DuckDB file under .cdp/. Add more targets and pick one with --target.
  warehouse: { type: "duckdb", path: ".cdp/my_project.duckdb" },
  vars: { active_statuses: ["active", "trial"] },
  seeds: { customers: { columnTypes: { signed_up_at: "TIMESTAMP" } } },
} satisfies UserConfig;
`,
  "seeds/customers.csv": `customer_id,email,status,signed_up_at
1,ada@example.com,active,2026-01-05 10:00:00
2,grace@example.com,trial,2026-02-11 09:30:00
3,alan@example.com,churned,2025-11-20 16:45:00
`,
  "models/staging/stg_customers.sql": `{{config materialized="view" tags="staging"}}
{{!-- One row per customer, cleaned. --}}
{{test "not_null" column="customer_id"}}
{{test "unique" column="customer_id"}}
select
  customer_id,
  lower(trim(email)) as email,
  status,
  signed_up_at
from {{ref "customers"}}
`,
  "models/active_customers.sql": `{{config materialized="table"}}
{{test "relationships" column="customer_id" to="stg_customers" field="customer_id"}}
select *
from {{ref "stg_customers"}}
where status in ({{literal (var "active_statuses")}})
`,
  "tests/emails_have_an_at_sign.sql": `-- A singular test: the query returns the rows that break the rule.
select * from {{ref "stg_customers"}} where email not like '%@%'
`,
  ".gitignore": "target/\n.cdp/\n.env\n",
};

/** Writes a new project into `dir`. Refuses a non-empty directory unless `force`. */
export async function initProject(
  dir: string,
  options: { force?: boolean } = {},
): Promise<{ dir: string; files: string[] }> {
  const root = path.resolve(dir);
  if (existsSync(root) && readdirSync(root).length && !options.force) {
    throw new UsageError(`${root} is not empty; pass --force to add a project to it anyway.`);
  }
  if (options.force && existsSync(path.join(root, "cdp.config.ts"))) {
    throw new UsageError(`${root} already has a cdp.config.ts; not overwriting it.`);
  }
  for (const [rel, content] of Object.entries(FILES)) {
    const file = path.join(root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, { flag: "wx" }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw e;
    });
  }
  return { dir: root, files: Object.keys(FILES) };
}
