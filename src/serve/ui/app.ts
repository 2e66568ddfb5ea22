/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { DocsData } from "../docs/types.ts";
import { h } from "./dom.ts";
import { lineageView } from "./lineage.ts";
import { audiencesPage, profilesPage } from "./live.ts";
import { identityPage, modelsPage, nodePage, syncsPage } from "./pages.ts";

declare global {
  interface Window {
    __CDP_DATA__: DocsData;
    __CDP_TYPES__?: string[];
  }
}

const data = window.__CDP_DATA__;

function nav(): HTMLElement {
  const item = (href: string, text: string) => h("li", {}, h("a", { href }, text));
  return h(
    "nav",
    { "aria-label": "Sections" },
    h(
      "ul",
      {},
      item("#/lineage", "Lineage"),
      item("#/nodes", "Models"),
      item("#/identity", "Identity"),
      item("#/syncs", "Syncs"),
      data.live ? [item("#/profiles", "Profile 360"), item("#/audiences", "Audiences")] : null,
    ),
  );
}

function route(): HTMLElement {
  const [, section = "lineage", arg] = location.hash.split("/").map(decodeURIComponent);
  switch (section) {
    case "node":
      return nodePage(data, arg ?? "");
    case "nodes":
      return modelsPage(data);
    case "identity":
      return identityPage(data);
    case "syncs":
      return syncsPage(data);
    case "profiles":
      return data.live
        ? profilesPage(window.__CDP_TYPES__ ?? [])
        : h("p", {}, "Profile 360 needs `cdp serve`.");
    case "audiences":
      return data.live ? audiencesPage() : h("p", {}, "Audiences need `cdp serve`.");
    default:
      return lineageView(data, arg);
  }
}

function render(): void {
  const main = document.getElementById("main")!;
  main.replaceChildren(route());
  main.focus({ preventScroll: true });
  for (const a of document.querySelectorAll("nav a")) {
    const current = location.hash.startsWith(a.getAttribute("href") ?? "-");
    if (current) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

document.getElementById("header")!.append(
  h(
    "a",
    {
      class: "skip",
      href: "#main",
      onclick: (e: Event) => {
        e.preventDefault();
        document.getElementById("main")!.focus();
      },
    },
    "Skip to content",
  ),
  h(
    "p",
    { class: "brand" },
    `${data.project} · target ${data.target} · ${data.live ? "live" : `generated ${data.generatedAt.replace("T", " ").slice(0, 16)} UTC`}`,
  ),
  nav(),
);
window.addEventListener("hashchange", render);
render();
