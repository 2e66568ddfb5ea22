import type { Node } from "../project/types.ts";
import type { NodeResult } from "./results.ts";

/** What a run reports while it goes; the CLI turns these into progress lines or JSON. */
export type RunEvent =
  | { type: "plan"; command: string; total: number; target: string; threads: number }
  | { type: "node_start"; node: Node; index: number; total: number }
  | { type: "node_finish"; result: NodeResult; index: number; total: number }
  /** Work tables left by killed runs, dropped before this one started (or why that failed). */
  | { type: "orphans"; removed: string[]; error?: string };

export type EventListener = (event: RunEvent) => void;
