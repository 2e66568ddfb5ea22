import { BigQuery } from "@google-cloud/bigquery";
import { BigqueryWarehouse } from "../../src/warehouse/bigquery/index.ts";
import type { Warehouse } from "../../src/warehouse/types.ts";
import type { ConformanceTarget } from "../conformance/targets.ts";
import { liveProject, openOnStandIn } from "./helpers.ts";
import { StandIn } from "./stand-in/index.ts";

const standIns = new Map<Warehouse, StandIn>();

/**
 * BigQuery for the conformance suite: the official client against the local stand-in of the REST
 * API, with some jobs still running at their first poll; or real BigQuery (live mode) when
 * CDP_BIGQUERY_PROJECT and credentials are set (CDP_BIGQUERY_LOCATION, default US).
 */
export const bigqueryTarget: ConformanceTarget = {
  name: "bigquery",
  unavailable: async () => liveProject().problem,
  open: async (schema) => {
    const { project } = liveProject();
    if (project) {
      const wh = await BigqueryWarehouse.open({
        project,
        schema,
        location: process.env.CDP_BIGQUERY_LOCATION ?? "US",
        keyFileEnv: "GOOGLE_APPLICATION_CREDENTIALS",
        labels: { cdp_test: "conformance" },
        targetName: "conformance",
      });
      await wh.ensureSchema(schema);
      return wh;
    }
    // Every third job answers "still running" to its first poll, so the polling path is used.
    const standIn = await StandIn.start({ pollsBeforeDone: 1, slowEvery: 3 });
    const wh = await openOnStandIn(standIn, schema);
    await wh.ensureSchema(schema);
    standIns.set(wh, standIn);
    return wh;
  },
  cleanup: async (wh, schema) => {
    const standIn = standIns.get(wh);
    if (standIn) {
      standIns.delete(wh);
      await standIn.close();
      return;
    }
    const { project } = liveProject();
    if (project) await new BigQuery({ projectId: project }).dataset(schema).delete({ force: true });
  },
};
