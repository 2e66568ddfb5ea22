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

/**
 * The lineage graph: cytoscape draws and zooms it (positions come laid out from generation), the
 * search box and the list beside it make every node reachable from the keyboard.
 */
export function lineageView(data: DocsData, focus?: string): HTMLElement {
  const graph = h("div", { id: "graph", role: "img", "aria-label": "Lineage graph of the project" });
  const results = h("ul", { id: "search-results", "aria-label": "Matching nodes" });
  const details = h("section", { id: "node-details", "aria-live": "polite", "aria-label": "Selected node" });
  const search = h("input", {
    id: "lineage-search",
    type: "search",
    placeholder: "model, seed, source, test or sync",
    autocomplete: "off",
  }) as HTMLInputElement;
  let cy: Core | undefined;
  const select = (id: string) => {
    if (!cy) return;
    const node = cy.getElementById(id) as NodeSingular;
    if (node.empty()) return;
    const up = node.predecessors();
    const down = node.successors();
    cy.elements().addClass("faded").removeClass("ancestor descendant chosen");
    node.removeClass("faded").addClass("chosen");
    up.removeClass("faded").addClass("ancestor");
    down.removeClass("faded").addClass("descendant");
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 0.8) }, { duration: 150 });
    const n = data.nodes.find((x) => x.id === id)!;
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
      list(
        "Ancestors",
        up.nodes().map((e) => e.id()),
      ),
      list(
        "Descendants",
        down.nodes().map((e) => e.id()),
      ),
    );
  };
  const clear = () => {
    cy?.elements().removeClass("faded ancestor descendant chosen");
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
    cy?.nodes().removeClass("match");
    for (const n of hits) cy?.getElementById(n.id).addClass("match");
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
    h("div", { class: "lineage-body" }, graph, h("aside", {}, results, details)),
  );
  // Cytoscape measures its container: start it once the view is in the document.
  queueMicrotask(() => {
    const ids = new Set(data.nodes.map((n) => n.id));
    cy = cytoscape({
      container: graph,
      elements: [
        ...data.nodes.map((n) => ({
          group: "nodes" as const,
          data: { id: n.id, label: n.name, kind: n.kind },
          position: { x: n.x, y: n.y },
        })),
        ...data.nodes.flatMap((n) =>
          n.dependsOn
            .filter((p) => ids.has(p))
            .map((p) => ({
              group: "edges" as const,
              data: { id: `${p}->${n.id}`, source: p, target: n.id },
            })),
        ),
      ],
      layout: { name: "preset" },
      minZoom: 0.02,
      maxZoom: 4,
      textureOnViewport: data.nodes.length > 2000,
      hideEdgesOnViewport: data.nodes.length > 2000,
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
          selector: `node[kind = "${k}"]`,
          style: { "background-color": c },
        })),
        {
          selector: "edge",
          style: {
            width: 1,
            "line-color": "#b0bec5",
            "curve-style": "straight",
            "target-arrow-shape": "triangle",
            "target-arrow-color": "#b0bec5",
            "arrow-scale": 0.6,
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
    cy.fit(undefined, 20);
    (window as unknown as { __cdpLineage?: { nodes: number; edges: number } }).__cdpLineage = {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
    };
    if (focus) select(focus);
  });
  return view;
}
