import type { Relation } from "../warehouse/types.ts";
import type { GenericTestKind, ModelConfig, TestArgs } from "./model-config.ts";

export type ResourceType = "model" | "seed" | "test";

interface BaseNode {
  /** `model.<name>`, `seed.<name>`, `test.<name>`. */
  id: string;
  name: string;
  resourceType: ResourceType;
  /** Path relative to the project directory. */
  file: string;
  tags: string[];
  /** Ids of the nodes this one reads from. */
  dependsOn: string[];
}

export interface RefUse {
  name: string;
  line?: number;
}

export interface ModelNode extends BaseNode {
  resourceType: "model";
  config: ModelConfig;
  relation: Relation;
  /** Template source. */
  raw: string;
  /** SQL with every ref resolved and ephemeral models inlined; what runs. */
  compiledSql: string;
  refs: RefUse[];
  sources: { source: string; table: string }[];
  /** Of the template source (`state:modified.body`). */
  checksum: string;
  /** Partials the template includes, directly or through other partials (`state:modified.partials`). */
  partials: string[];
  /** Vars the template reads (`state:modified.vars`). */
  vars: string[];
  /** True when the template reads `is_incremental`: it must be rendered again for incremental runs. */
  usesIsIncremental: boolean;
}

export interface SeedNode extends BaseNode {
  resourceType: "seed";
  relation: Relation;
  columnTypes?: Record<string, string>;
  delimiter?: string;
  /** Of the CSV file's content (`state:modified.body`). */
  checksum: string;
}

export interface TestNode extends BaseNode {
  resourceType: "test";
  /** `generic` tests come from `{{test}}` in a model; `singular` ones are files in `tests/`. */
  testType: "generic" | "singular";
  kind?: GenericTestKind;
  args?: TestArgs;
  /** The model a generic test belongs to. */
  attachedTo?: string;
  severity: "error" | "warn";
  /** A query returning the failing rows. */
  compiledSql: string;
  line?: number;
  /** Of the test's definition: a singular test's template, a generic test's kind and arguments. */
  checksum: string;
}

export type Node = ModelNode | SeedNode | TestNode;

export interface CompiledProject {
  projectDir: string;
  name: string;
  targetName: string;
  /** The invocation that compiled it (`LoadedConfig.invocationId`). */
  invocationId: string;
  nodes: Map<string, Node>;
  /** Node ids in a valid build order. */
  order: string[];
  /** Child ids per node id. */
  children: Map<string, string[]>;
}
