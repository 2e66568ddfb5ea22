import { spawn } from "node:child_process";
import path from "node:path";
import { makeProject, REPO } from "../helpers/project.ts";
import { TestLog } from "./log-helper.ts";

/** A project with `collect:` configured, a model reading the event tables, and its log. */
export function collectProject(warehouse: string, maxEvents = 50): { dir: string; log: TestLog } {
  const dir = makeProject(
    {
      "models/visits.sql": `{{config materialized="table"}}
select count(*) as n, count(distinct id) as ids from {{source "events" "tracks"}}`,
      "models/people.sql": `{{config materialized="table"}}
select count(*) as n from {{source "events" "users"}}`,
    },
    `export default {
  name: "t",
  warehouse: ${warehouse},
  threads: 2,
  collect: {
    sources: { web: { writeKey: "wk_test_0123456789" } },
    schema: "events",
    loader: { intervalMs: 1000, maxEvents: ${maxEvents} },
  },
  sources: { events: { schema: "events", tables: ["tracks", "users"] } },
};
`,
  );
  return { dir, log: new TestLog(path.join(dir, ".cdp", "collect", "log")) };
}

/**
 * `loadCollected` in a child process, killed with SIGKILL the moment `committed` sees a batch in
 * the warehouse (or landed) for the `nth` time: often before its checkpoint was written, so the
 * next loader replays it. True when it was killed (false: it finished first).
 */
export async function killDuringLoad(
  dir: string,
  nth: number,
  committed: () => Promise<number>,
): Promise<boolean> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(REPO, "test/collect/fixtures/load-collected.ts"), dir],
    {
      cwd: REPO,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (c) => {
    stderr += c;
  });
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      done = true;
      resolve(code);
    }),
  );
  let seen = await committed();
  let moves = 0;
  while (!done && moves < nth) {
    const now = await committed();
    if (now !== seen) {
      moves++;
      seen = now;
    }
  }
  const killed = !done;
  if (killed) child.kill("SIGKILL");
  const code = await exited;
  if (code !== null && code !== 0) throw new Error(`the loader failed (exit ${code}): ${stderr}`);
  return killed;
}
