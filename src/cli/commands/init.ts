import { existsSync, readFileSync } from "node:fs";
import { appendFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../../errors.ts";

const FILES: Record<string, string> = {
  "cdp.config.ts": `import type { UserConfig } from "warehouse-cdp";

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

/**
 * Writes a new project into `dir`, which may already hold other things (a package.json and
 * node_modules after `npm install warehouse-cdp`, a git repository). Refuses a directory that is
 * already a project, and one where a file it would write exists, unless `force` (existing files
 * are then kept). `.gitignore` is never replaced: the lines it lacks are added.
 */
export async function initProject(
  dir: string,
  options: { force?: boolean } = {},
): Promise<{ dir: string; files: string[] }> {
  const root = path.resolve(dir);
  if (existsSync(path.join(root, "cdp.config.ts"))) {
    throw new UsageError(`${root} already has a cdp.config.ts; not overwriting it.`);
  }
  const taken = Object.keys(FILES).filter((rel) => rel !== ".gitignore" && existsSync(path.join(root, rel)));
  if (taken.length && !options.force) {
    throw new UsageError(
      `${root} already has ${taken.join(", ")}; pass --force to add the project's other files and keep those.`,
    );
  }
  const written: string[] = [];
  for (const [rel, content] of Object.entries(FILES)) {
    const file = path.join(root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    if (rel === ".gitignore" && existsSync(file)) {
      const have = new Set(
        readFileSync(file, "utf8")
          .split("\n")
          .map((l) => l.trim()),
      );
      const missing = content.split("\n").filter((l) => l && !have.has(l));
      if (missing.length) {
        await appendFile(
          file,
          `${readFileSync(file, "utf8").endsWith("\n") ? "" : "\n"}${missing.join("\n")}\n`,
        );
        written.push(rel);
      }
      continue;
    }
    const created = await writeFile(file, content, { flag: "wx" }).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code !== "EEXIST") throw e;
        return false;
      },
    );
    if (created) written.push(rel);
  }
  return { dir: root, files: written };
}
