import { ConfigError } from "../errors.ts";
import type { Compilation } from "../project/compile.ts";
import type { Relation } from "../warehouse/types.ts";
import type { ApiConfig } from "./api-config.ts";
import type { IndexSpec } from "./profile-index.ts";

/** The relations `api:` names, checked against the compiled project (exit 2 on a wrong name). */
export function indexSpec(api: ApiConfig, compilation: Compilation, configFile: string): IndexSpec {
  const relationOf = (name: string, key: string): Relation => {
    const node = compilation.nodes.get(`model.${name}`) ?? compilation.nodes.get(`seed.${name}`);
    if (!node || node.resourceType === "test") {
      const message = `api.${key} names "${name}", which is not a model or seed of the project`;
      throw new ConfigError(`${configFile}: ${message}`, [{ file: configFile, node: `api.${key}`, message }]);
    }
    return node.relation;
  };
  const identityNode = compilation.nodes.get(`model.${api.identity}`);
  const rulesName = identityNode?.resourceType === "model" ? identityNode.config.rules : undefined;
  return {
    identity: relationOf(api.identity, "identity"),
    fields: Object.entries(api.fields).map(([model, columns]) => ({
      relation: relationOf(model, `fields.${model}`),
      columns,
    })),
    audiences: api.audiences.map((name) => ({ name, relation: relationOf(name, "audiences") })),
    identifierTypes: api.identifierTypes,
    rules: rulesName ? compilation.rulesets[rulesName] : undefined,
  };
}
