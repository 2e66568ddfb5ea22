/// <reference lib="dom" />
import cytoscape, { type Core, type NodeSingular } from "cytoscape";
import type { DocsData } from "../docs/types.ts";
import { h, pageHref } from "./dom.ts";

const COLORS: Record<string, string> = {
  seed: "#2e7d32",
  source: "#00838f",
  model: "#1565c0",
  test: "#8e8e8e",
  sync: "#c62828",
};

/** Above this many nodes, the graph is drawn one lineage at a time until the whole is asked for. */
const BIG_GRAPH = 3000;
/** At most this many ancestors, and as many descendants, drawn around a picked node of a large graph. */
const LINEAGE_CAP = 1500;

type Element = cytoscape.ElementDefinition;

/** Cytoscape's elements for `nodes` and the edges from the parents `keep` accepts. */
function elementsOf(nodes: DocsData["nodes"], keep: (parent: string) => boolean): Element[] {
  const out: Element[] = [];
  for (const n of nodes) {
    out.push({
      group: "nodes",
      data: { id: n.id, label: n.name },
      classes: n.kind,
      position: { x: n.x, y: n.y },
    });
  }
  for (const n of nodes) {
    for (const p of n.dependsOn) {
      if (keep(p)) out.push({ group: "edges", data: { id: `${p}->${n.id}`, source: p, target: n.id } });
    }
  }
  return out;
}

/** Every node reachable from `start` through `next`, nearest first. */
function walk(start: string, next: Map<string, string[]>): string[] {
  const seen = new Set([start]);
  const order: string[] = [];
  for (let queue = [start]; queue.length; ) {
    const following: string[] = [];
    for (const id of queue) {
      for (const n of next.get(id) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        order.push(n);
        following.push(n);
      }
    }
    queue = following;
  }
  return order;
}

/**
 * The lineage graph: cytoscape draws and zooms it (positions come laid out from generation), the
 * search box and the list beside it make every node reachable from the keyboard.
 */
export function lineageView(data: DocsData, focus?: string): HTMLElement {
  const graph = h("div", { id: "graph", role: "img", "aria-label": "Lineage graph of the project" });
  const results = h("ul", { id: "search-results", "aria-label": "Matching nodes" });
  const details = h("section", { id: "node-details", "aria-live": "polite", "aria-label": "Selected node" });
  const status = h("p", { id: "lineage-status", "aria-live": "polite" });
  const search = h("input", {
    id: "lineage-search",
    type: "search",
    placeholder: "model, seed, source, test or sync",
    autocomplete: "off",
  }) as HTMLInputElement;
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const parents = new Map(data.nodes.map((n) => [n.id, n.dependsOn.filter((p) => byId.has(p))]));
  const children = new Map<string, string[]>();
  for (const n of data.nodes)
    for (const p of parents.get(n.id)!) children.set(p, [...(children.get(p) ?? []), n.id]);
  // A large project is drawn a lineage at a time (the picked node's ancestors and descendants),
  // which opens at once, unless the whole graph is asked for.
  const big = data.nodes.length > BIG_GRAPH;
  let drawnAll = !big;
  let cy: Core | undefined;
  const draw = (ids?: Set<string>) => {
    if (!cy) return;
    const nodes = ids ? [...ids].map((i) => byId.get(i)!) : data.nodes;
    const drawn = ids ?? new Set(byId.keys());
    cy.batch(() => {
      cy!.elements().remove();
      cy!.add(elementsOf(nodes, (p) => drawn.has(p)));
    });
    cy.fit(undefined, 20);
    (window as unknown as { __cdpLineage?: { nodes: number; edges: number } }).__cdpLineage = {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
    };
  };
  const select = (id: string) => {
    if (!cy || !byId.has(id)) return;
    const upIds = walk(id, parents);
    const downIds = walk(id, children);
    if (!drawnAll) {
      draw(new Set([id, ...upIds.slice(0, LINEAGE_CAP), ...downIds.slice(0, LINEAGE_CAP)]));
      status.textContent = `Showing the lineage of ${byId.get(id)!.name}${upIds.length + downIds.length > 2 * LINEAGE_CAP ? ` (the nearest ${LINEAGE_CAP} each way)` : ""} of ${data.nodes.length.toLocaleString("en-US")} nodes.`;
    }
    const node = cy.getElementById(id) as NodeSingular;
    const up = node.predecessors();
    const down = node.successors();
    // One style pass for the whole change, not one per element touched.
    cy.batch(() => {
      cy!.elements().addClass("faded").removeClass("ancestor descendant chosen");
      node.removeClass("faded").addClass("chosen");
      up.removeClass("faded").addClass("ancestor");
      down.removeClass("faded").addClass("descendant");
    });
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 0.8) }, { duration: 150 });
    const n = byId.get(id)!;
    const list = (title: string, ids: string[]) =>
      h(
        "div",
        {},
        h("h3", {}, `${title} (${ids.length})`),
        h(
          "ul",
          {},
          ...ids
            .slice(0, 200)
            .map((i) => h("li", {}, h("button", { type: "button", onclick: () => select(i) }, i))),
        ),
      );
    details.replaceChildren(
      h("h2", {}, n.name),
      h("p", {}, `${n.kind}${n.materialized ? ` · ${n.materialized}` : ""}`),
      h("p", {}, n.description ?? ""),
      h("a", { href: pageHref(n.id) }, `Open ${n.name}`),
      list("Ancestors", upIds),
      list("Descendants", downIds),
    );
  };
  const clear = () => {
    cy?.batch(() => cy!.elements().removeClass("faded ancestor descendant chosen"));
    details.replaceChildren();
  };
  const find = () => {
    const q = search.value.trim().toLowerCase();
    const hits = q ? data.nodes.filter((n) => n.name.toLowerCase().includes(q)).slice(0, 50) : [];
    results.replaceChildren(
      ...hits.map((n) =>
        h("li", {}, h("button", { type: "button", onclick: () => select(n.id) }, `${n.name} (${n.kind})`)),
      ),
    );
    cy?.batch(() => {
      cy!.nodes().removeClass("match");
      for (const n of hits) cy!.getElementById(n.id).addClass("match");
    });
  };
  search.addEventListener("input", find);
  search.addEventListener("keydown", (e) => {
    if ((e as KeyboardEvent).key === "Enter") {
      const first = results.querySelector("button");
      if (first) (first as HTMLButtonElement).click();
    }
  });
  const zoom = (factor: number) =>
    cy?.zoom({
      level: cy.zoom() * factor,
      renderedPosition: { x: graph.clientWidth / 2, y: graph.clientHeight / 2 },
    });
  const toolbar = h(
    "div",
    { class: "toolbar", role: "toolbar", "aria-label": "Lineage controls" },
    h("label", { for: "lineage-search" }, "Search nodes"),
    search,
    h("button", { type: "button", onclick: () => zoom(1.25), "aria-label": "Zoom in" }, "+"),
    h("button", { type: "button", onclick: () => zoom(0.8), "aria-label": "Zoom out" }, "−"),
    h("button", { type: "button", onclick: () => cy?.fit(undefined, 20) }, "Fit"),
    h("button", { type: "button", onclick: clear }, "Clear highlight"),
    big
      ? h(
          "button",
          {
            type: "button",
            onclick: () => {
              drawnAll = true;
              status.textContent = `The whole graph: ${data.nodes.length.toLocaleString("en-US")} nodes.`;
              draw();
            },
          },
          "Draw the whole graph",
        )
      : null,
    h(
      "span",
      { class: "legend" },
      ...Object.entries(COLORS).map(([k, c]) => h("span", { style: `color:${c}` }, `■ ${k} `)),
    ),
  );
  const view = h(
    "div",
    { class: "lineage" },
    toolbar,
    status,
    h("div", { class: "lineage-body" }, graph, h("aside", {}, results, details)),
  );
  // Cytoscape measures its container: start it once the view is in the document.
  queueMicrotask(() => {
    cy = cytoscape({
      container: graph,
      elements: big ? [] : elementsOf(data.nodes, (p) => byId.has(p)),
      layout: { name: "preset" },
      minZoom: 0.02,
      maxZoom: 4,
      textureOnViewport: big,
      hideEdgesOnViewport: big,
      style: [
        {
          selector: "node",
          style: {
            label: "data(label)",
            "font-size": 11,
            "text-valign": "center",
            "text-halign": "right",
            "text-margin-x": 6,
            width: 14,
            height: 14,
            "min-zoomed-font-size": 8,
          },
        },
        ...Object.entries(COLORS).map(([k, c]) => ({
          selector: `node.${k}`,
          style: { "background-color": c },
        })),
        {
          selector: "edge",
          style: {
            width: 1,
            "line-color": "#b0bec5",
            // Haystack edges (no arrow; the layout runs left to right) draw several times faster
            // than routed ones on large graphs.
            ...(big
              ? { "curve-style": "haystack" as const, "haystack-radius": 0 }
              : {
                  "curve-style": "straight" as const,
                  "target-arrow-shape": "triangle" as const,
                  "target-arrow-color": "#b0bec5",
                  "arrow-scale": 0.6,
                }),
          },
        },
        { selector: ".faded", style: { opacity: 0.15 } },
        {
          selector: ".ancestor",
          style: { "background-color": "#ef6c00", "line-color": "#ef6c00", "target-arrow-color": "#ef6c00" },
        },
        {
          selector: ".descendant",
          style: { "background-color": "#6a1b9a", "line-color": "#6a1b9a", "target-arrow-color": "#6a1b9a" },
        },
        { selector: ".chosen", style: { "border-width": 3, "border-color": "#000", width: 20, height: 20 } },
        { selector: ".match", style: { "border-width": 2, "border-color": "#fbc02d" } },
      ],
    });
    cy.on("tap", "node", (e) => select(e.target.id()));
    if (big) {
      status.textContent = `${data.nodes.length.toLocaleString("en-US")} nodes: search for one to draw its lineage, or draw the whole graph (slower).`;
      (window as unknown as { __cdpLineage?: { nodes: number; edges: number } }).__cdpLineage = {
        nodes: 0,
        edges: 0,
      };
    } else draw();
    if (focus) select(focus);
  });
  return view;
}
