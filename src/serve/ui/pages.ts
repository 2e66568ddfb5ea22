/// <reference lib="dom" />
import type { DocNode, DocsData, IdentityDoc, SyncDoc } from "../docs/types.ts";
import { h, link, pageHref, pre, table, when } from "./dom.ts";

function lastRun(n: DocNode): HTMLElement {
  const r = n.lastRun;
  if (!r) return h("p", {}, "Last run: not run yet (no target/run_results.json entry).");
  const rows = r.rows === null || r.rows === undefined ? "" : ` · ${r.rows} rows`;
  const secs = r.seconds === undefined ? "" : ` · ${r.seconds}s`;
  return h(
    "p",
    {},
    `Last run: `,
    h("span", { class: `status status-${r.status}` }, r.status),
    ` at ${when(r.finishedAt)}${rows}${secs}`,
  );
}

/** A model, seed, source, test or sync: what it is, what it reads and feeds, its columns and tests. */
export function nodePage(data: DocsData, id: string): HTMLElement {
  const n = data.nodes.find((x) => x.id === id);
  if (!n) return h("p", { role: "alert" }, `No node ${id} in this project.`);
  const byId = new Map(data.nodes.map((x) => [x.id, x]));
  const children = data.nodes.filter((x) => x.dependsOn.includes(n.id)).map((x) => x.id);
  const refs = (ids: string[]) =>
    ids.length
      ? h(
          "ul",
          {},
          ...ids.map((i) =>
            h("li", {}, link(pageHref(i), byId.get(i)?.name ?? i), ` (${byId.get(i)?.kind ?? "?"})`),
          ),
        )
      : h("p", {}, "none");
  const tests = (n.tests ?? []).map((t) => byId.get(t)).filter((t): t is DocNode => !!t);
  const sync = n.kind === "sync" ? data.syncs.find((s) => s.name === n.name) : undefined;
  return h(
    "article",
    {},
    h("h1", {}, n.name),
    h(
      "p",
      { class: "meta" },
      `${n.kind}${n.materialized ? ` · materialized as ${n.materialized}` : ""}${n.relation ? ` · ${n.relation}` : ""}${n.file ? ` · ${n.file}` : ""}`,
    ),
    n.tags?.length ? h("p", {}, `Tags: ${n.tags.join(", ")}`) : null,
    n.description ? h("p", { class: "description" }, n.description) : null,
    n.kind !== "source" && n.kind !== "sync" ? lastRun(n) : null,
    h("p", {}, link(`#/lineage/${encodeURIComponent(n.id)}`, "Show in the lineage graph")),
    h("h2", {}, "Reads from"),
    refs(n.dependsOn),
    h("h2", {}, "Feeds"),
    refs(children),
    n.columns
      ? table(
          "Columns",
          ["Column", "Type"],
          n.columns.map((c) => [c.name, c.type]),
        )
      : n.kind === "model" || n.kind === "seed"
        ? h("p", {}, "Columns: not in the warehouse yet.")
        : null,
    tests.length
      ? table(
          "Tests",
          ["Test", "Last result", "Failing rows", "When"],
          tests.map((t) => [
            link(pageHref(t.id), t.name),
            h(
              "span",
              { class: `status status-${t.lastRun?.status ?? "none"}` },
              t.lastRun?.status ?? "not run",
            ),
            t.lastRun?.failures ?? "—",
            when(t.lastRun?.finishedAt),
          ]),
        )
      : null,
    sync ? syncSection(sync) : null,
    n.raw ? [h("h2", {}, "SQL (template)"), pre(n.raw, `Template of ${n.name}`)] : null,
    n.compiled ? [h("h2", {}, "SQL (compiled)"), pre(n.compiled, `Compiled SQL of ${n.name}`)] : null,
  );
}

/** A sync's last runs, with counts, and the rows its destination refused. */
export function syncSection(s: SyncDoc): HTMLElement {
  return h(
    "section",
    { "aria-label": `Sync ${s.name}` },
    h("h2", {}, link(pageHref(`sync.${s.name}`), s.name)),
    h(
      "p",
      {},
      `${s.mode} of ${s.model} to ${s.destination}${s.enabled ? "" : " (disabled)"}${s.targets ? ` · targets: ${s.targets.join(", ")}` : ""}`,
    ),
    s.runs.length
      ? table(
          `Last runs of ${s.name}`,
          [
            "Started",
            "Status",
            "Added",
            "Changed",
            "Removed",
            "Delivered",
            "Rejected",
            "Failed",
            "Seconds",
            "Message",
          ],
          s.runs.map((r) => [
            when(r.started_at),
            h("span", { class: `status status-${r.status}` }, r.status),
            r.added,
            r.changed,
            r.removed,
            r.delivered,
            r.rejected,
            r.failed,
            r.duration ?? "—",
            r.message ?? "",
          ]),
        )
      : h("p", {}, "No runs recorded on this target."),
    s.rejected.length
      ? table(
          `Rows ${s.destination} refused (retried each run)`,
          ["Key", "Operation", "Reason", "Attempts", "Last seen"],
          s.rejected.map((r) => [r.key, r.operation, r.error, r.attempts, when(r.last_seen)]),
        )
      : h("p", {}, "No rejected rows."),
  );
}

export function syncsPage(data: DocsData): HTMLElement {
  return h(
    "article",
    {},
    h("h1", {}, "Syncs"),
    data.syncs.length ? data.syncs.map(syncSection) : h("p", {}, "No syncs in cdp.config.ts."),
  );
}

function identitySection(r: IdentityDoc): HTMLElement {
  const most = Math.max(1, ...r.sizeHistogram.map((b) => b.profiles));
  return h(
    "section",
    { "aria-label": `Identity model ${r.model}` },
    h("h2", {}, link(pageHref(`model.${r.model}`), r.model)),
    h(
      "p",
      {},
      `${r.profiles} profiles from ${r.identifiers} identifiers${r.lastRun ? ` · last run ${when(r.lastRun)}` : ""}`,
    ),
    table(
      "Identifiers by type",
      ["Type", "Identifiers"],
      r.identifiersByType.map((t) => [t.type, t.identifiers]),
    ),
    table(
      "Profile size distribution (identifiers per profile)",
      ["Identifiers", "Profiles", ""],
      r.sizeHistogram.map((b) => [
        b.size,
        b.profiles,
        h("span", {
          class: "bar",
          style: `width:${Math.round((b.profiles / most) * 200)}px`,
          "aria-hidden": "true",
        }),
      ]),
    ),
    table(
      "Largest profiles",
      ["Profile", "Identifiers", "By type"],
      r.largest.map((l) => [l.profileId, l.identifiers, l.byType]),
    ),
    table(
      "Blocked values and hubs set aside",
      ["Reason", "Detail", "Identifiers"],
      r.cuts.map((c) => [c.reason, c.detail, c.identifiers]),
    ),
    table(
      "Merges and splits in the last run",
      ["Reason", "Count"],
      r.mergesLastRun.map((m) => [m.reason, m.count]),
    ),
  );
}

export function identityPage(data: DocsData): HTMLElement {
  return h(
    "article",
    {},
    h("h1", {}, "Identity"),
    data.identity.length
      ? data.identity.map(identitySection)
      : h("p", {}, "No stitch model has been built on this target."),
  );
}

export function modelsPage(data: DocsData): HTMLElement {
  const rows = data.nodes
    .filter((n) => n.kind !== "test")
    .map((n) => [
      link(pageHref(n.id), n.name),
      n.kind,
      n.materialized ?? "",
      n.lastRun?.status ?? "",
      n.description?.split("\n")[0] ?? "",
    ]);
  return h(
    "article",
    {},
    h("h1", {}, "Nodes"),
    table(
      "Every seed, source, model and sync",
      ["Name", "Kind", "Materialized", "Last run", "Description"],
      rows,
    ),
  );
}
