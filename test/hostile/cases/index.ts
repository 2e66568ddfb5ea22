import type { HostileCase } from "../case.ts";
import { edgeCases, symlinkCases } from "./edges.ts";
import { nameCases } from "./names.ts";
import { relationCases } from "./relations.ts";
import { secretCases } from "./secrets.ts";
import { seedCases } from "./seeds.ts";
import { varCases } from "./vars.ts";

/** Every case, grouped by what they attack. Add new ones to the group they belong to. */
export const CORPUS: HostileCase[] = [
  ...seedCases,
  ...nameCases,
  ...relationCases,
  ...varCases,
  ...secretCases,
  ...edgeCases,
  ...symlinkCases,
];
