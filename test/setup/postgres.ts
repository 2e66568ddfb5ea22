import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

/**
 * A real PostgreSQL server for the tests. With `DATABASE_URL` set, that server is used as it is.
 * Otherwise a throwaway cluster is created with the local `initdb`/`pg_ctl` (PATH, then Debian's
 * /usr/lib/postgresql/<version>/bin), on a free port, with password authentication over TCP; it
 * is stopped and deleted after the run. Without either, the Postgres tests are skipped loudly
 * (see test/helpers/postgres.ts).
 */
export interface PostgresTestServer {
  /** postgres:// URL of a database the tests may create schemas in. */
  url?: string;
  /** Why there is no server, when there is none. */
  unavailable?: string;
  /** True when the tests started the server: they are superuser and know it checks passwords. */
  own: boolean;
}

declare module "vitest" {
  export interface ProvidedContext {
    postgres: PostgresTestServer;
  }
}

const DATABASE = "cdp_test";
const USER = "cdp";

function findBinDir(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, "pg_ctl")) && existsSync(path.join(dir, "initdb"))) return dir;
  }
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * initdb refuses to run as root: as root, the server runs as the `postgres` user (created by the
 * Debian package) or else `nobody`, in a directory that user owns.
 */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    try {
      const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
      return { name, uid, gid };
    } catch {}
  }
  throw new Error("running as root and neither a postgres nor a nobody user exists to run PostgreSQL");
}

function runAs(user: { name: string } | undefined, command: string, args: string[]) {
  const [file, argv] = user
    ? existsSync("/usr/sbin/runuser") || existsSync("/sbin/runuser")
      ? ["runuser", ["-u", user.name, "--", command, ...args]]
      : ["su", [user.name, "-s", "/bin/sh", "-c", [command, ...args].map((a) => `'${a}'`).join(" ")]]
    : [command, args];
  return spawnSync(file as string, argv as string[], { encoding: "utf8", timeout: 120_000 });
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("postgres", { url: process.env.DATABASE_URL, own: false });
    return;
  }
  const bin = findBinDir();
  if (!bin) {
    project.provide("postgres", {
      own: false,
      unavailable:
        "no PostgreSQL server: set DATABASE_URL, or install PostgreSQL (initdb and pg_ctl; Debian: apt-get install postgresql)",
    });
    return;
  }

  const user = serverUser();
  const dir = mkdtempSync(path.join(tmpdir(), "cdp-pg-"));
  const data = path.join(dir, "data");
  const password = randomBytes(12).toString("hex");
  writeFileSync(path.join(dir, "pwfile"), `${password}\n`);
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(path.join(dir, "pwfile"), user.uid, user.gid);
  }
  const initdb = (locale: string) =>
    runAs(user, path.join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      USER,
      `--pwfile=${path.join(dir, "pwfile")}`,
      "-E",
      "UTF8",
      `--locale=${locale}`,
      "--auth-local=trust",
      "--auth-host=scram-sha-256",
      "--no-sync",
    ]);
  // C.UTF-8 makes upper() and lower() work on accented letters, as in DuckDB; plain C if missing.
  let init = initdb("C.UTF-8");
  if (init.status !== 0) {
    rmSync(data, { recursive: true, force: true });
    init = initdb("C");
  }
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
  }

  const port = await freePort();
  const log = path.join(dir, "server.log");
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    // A throwaway cluster: durability buys nothing and costs seconds.
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
  const start = runAs(user, path.join(bin, "pg_ctl"), [
    "-D",
    data,
    "-l",
    log,
    "-o",
    options,
    "-w",
    "-t",
    "60",
    "start",
  ]);
  const stop = () => {
    runAs(user, path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  };
  if (start.status !== 0) {
    const serverLog = existsSync(log) ? readFileSync(log, "utf8") : "";
    stop();
    throw new Error(`pg_ctl start failed:\n${start.stdout}\n${start.stderr}\n${serverLog}`);
  }

  const base = `postgres://${USER}:${password}@127.0.0.1:${port}`;
  try {
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    // Created once here, so test files connecting at the same time do not race to create it.
    const db = new pg.Client({ connectionString: `${base}/${DATABASE}` });
    await db.connect();
    await db.query("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch");
    // Jaro-Winkler in C where the server has it (Debian's postgresql-NN-similarity): installed
    // once in public, so no test's DROP SCHEMA takes it from another test running at that time.
    const similarity = await db.query("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_similarity'");
    if (similarity.rows.length) await db.query("CREATE EXTENSION IF NOT EXISTS pg_similarity SCHEMA public");
    await db.end();
  } catch (error) {
    stop();
    throw error;
  }
  project.provide("postgres", { url: `${base}/${DATABASE}`, own: true });
  return stop;
}
