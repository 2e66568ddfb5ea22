import type { IdentityReport } from "../../identity/stitch/report.ts";
/** What the docs site shows; one JSON value embedded in the page (no request needed from file://). */
export interface DocsData {
  project: string;
  target: string;
  generatedAt: string;
  /** True when served by `cdp serve`: the page may ask /app/api/ for profiles and audiences. */
  live: boolean;
  nodes: DocNode[];
  identity: IdentityDoc[];
  syncs: SyncDoc[];
}

export type NodeKind = "seed" | "source" | "model" | "test" | "sync";

export interface DocNode {
  id: string;
  name: string;
  kind: NodeKind;
  /** Ids of the nodes this one reads from. */
  dependsOn: string[];
  file?: string;
  materialized?: string;
  tags?: string[];
  description?: string;
  raw?: string;
  compiled?: string;
  relation?: string;
  columns?: { name: string; type: string }[];
  /** Test ids attached to this model. */
  tests?: string[];
  lastRun?: LastRun;
  /** Layered layout: column (depth) and row. */
  x: number;
  y: number;
}

export interface LastRun {
  status: string;
  finishedAt?: string;
  seconds?: number;
  rows?: number | null;
  failures?: number | null;
  message?: string;
}

/** A stitch model's report, as `cdp identity report` gives it. */
export type IdentityDoc = IdentityReport;

export interface SyncDoc {
  name: string;
  model: string;
  destination: string;
  mode: string;
  enabled: boolean;
  targets?: string[];
  runs: {
    run_id: string;
    status: string;
    started_at: string | null;
    duration: number | null;
    added: number;
    changed: number;
    removed: number;
    delivered: number;
    rejected: number;
    failed: number;
    message: string | null;
  }[];
  /** Rows the destination refused, still retried each run, with its reason. */
  rejected: { key: string; operation: string; error: string; attempts: number; last_seen: string | null }[];
}
