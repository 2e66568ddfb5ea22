/// <reference lib="dom" />
import { h, table, when } from "./dom.ts";
import type { AudienceSummary, Profile360, SearchMatch } from "./live-types.ts";

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  const body = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
  return body;
}

const cell = (v: unknown) =>
  v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v);

function profileView(p: Profile360): HTMLElement {
  return h(
    "section",
    { id: "profile", "aria-label": `Profile ${p.profile_id}` },
    h("h2", {}, `Profile ${p.profile_id}`),
    h("h3", {}, "Audiences"),
    p.audiences.length
      ? h("ul", { id: "profile-audiences" }, ...p.audiences.map((a) => h("li", {}, a)))
      : h("p", { id: "profile-audiences" }, "In no audience."),
    table(
      "Identifiers and where each came from",
      ["Type", "Identifier", "Sources", "First seen", "Last seen"],
      p.identifiers.map((i) => [
        i.type,
        i.value,
        i.sources.join(", ") || "—",
        when(i.first_seen),
        when(i.last_seen),
      ]),
    ),
    p.golden
      ? table(
          "Golden record (source of each value)",
          ["Field", "Value", "From"],
          Object.entries(p.golden).map(([k, v]) => [k, cell(v.value), v.source ?? "survivorship rule"]),
        )
      : null,
    Object.keys(p.traits).length
      ? table(
          "Traits",
          ["Trait", "Value"],
          Object.entries(p.traits).map(([k, v]) => [k, cell(v)]),
        )
      : null,
    table(
      "Source records",
      ["Source", "Record id"],
      p.records.map((r) => [r.source, r.record_id]),
    ),
    p.merges.length
      ? table(
          "Merge history",
          ["When", "Old profile", "Survivor", "Reason"],
          p.merges.map((m) => [when(m.at), m.from, m.to, m.reason]),
        )
      : h("p", {}, "No merges recorded."),
    p.links.length
      ? h(
          "section",
          { "aria-label": "Probabilistic links" },
          h("h3", {}, "Probabilistic links"),
          ...p.links.map((l) =>
            h(
              "div",
              { class: "link" },
              h(
                "p",
                {},
                `${l.record_a} ↔ ${l.record_b}: probability ${l.probability.toFixed(3)} (${l.model})`,
              ),
              h("pre", { tabindex: 0 }, l.explanation),
            ),
          ),
        )
      : null,
  );
}

/** Profile 360: search by any identifier (or a source record id), then the whole profile. */
export function profilesPage(types: string[]): HTMLElement {
  const out = h("div", { id: "profile-results", "aria-live": "polite" });
  const input = h("input", {
    id: "profile-query",
    type: "search",
    required: true,
    placeholder: "e-mail, phone, user id, anonymous id, record id",
  }) as HTMLInputElement;
  const type = h(
    "select",
    { id: "profile-type" },
    h("option", { value: "" }, "any type"),
    ...types.map((t) => h("option", { value: t }, t)),
  ) as HTMLSelectElement;
  const show = async (id: string) => {
    out.replaceChildren(h("p", {}, "Loading…"));
    try {
      out.replaceChildren(profileView(await getJson<Profile360>(`api/profiles/${encodeURIComponent(id)}`)));
    } catch (e) {
      out.replaceChildren(h("p", { role: "alert" }, (e as Error).message));
    }
  };
  const form = h(
    "form",
    {
      role: "search",
      "aria-label": "Find a profile",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        out.replaceChildren(h("p", {}, "Searching…"));
        try {
          const q = new URLSearchParams({ q: input.value.trim(), type: type.value });
          const { matches } = await getJson<{ matches: SearchMatch[] }>(`api/search?${q}`);
          if (!matches.length)
            return out.replaceChildren(h("p", { role: "alert" }, "No profile has this identifier."));
          if (new Set(matches.map((m) => m.profile_id)).size === 1) return show(matches[0]!.profile_id);
          out.replaceChildren(
            h(
              "ul",
              { "aria-label": "Matching profiles" },
              ...matches.map((m) =>
                h(
                  "li",
                  {},
                  h(
                    "button",
                    { type: "button", onclick: () => show(m.profile_id) },
                    `${m.profile_id} (${m.identifier_type} ${m.identifier})`,
                  ),
                ),
              ),
            ),
          );
        } catch (err) {
          out.replaceChildren(h("p", { role: "alert" }, (err as Error).message));
        }
      },
    },
    h("label", { for: "profile-query" }, "Identifier"),
    input,
    h("label", { for: "profile-type" }, "Type"),
    type,
    h("button", { type: "submit" }, "Find profile"),
  );
  return h("article", {}, h("h1", {}, "Profile 360"), form, out);
}

/** Audiences: size, size over time (from the syncs' runs), overlap of two, a sample of members. */
export function audiencesPage(): HTMLElement {
  const body = h("div", { "aria-live": "polite" }, h("p", {}, "Loading…"));
  void (async () => {
    try {
      const { audiences } = await getJson<{ audiences: AudienceSummary[] }>("api/audiences");
      const names = audiences.map((a) => a.name);
      const pick = (id: string, label: string, i: number) => [
        h("label", { for: id }, label),
        h("select", { id }, ...names.map((n, j) => h("option", { value: n, selected: j === i }, n))),
      ];
      const overlapOut = h("p", { id: "overlap-result", "aria-live": "polite" });
      const sampleOut = h("div", { id: "sample-result", "aria-live": "polite" });
      const value = (id: string) => (document.getElementById(id) as HTMLSelectElement).value;
      body.replaceChildren(
        table(
          "Audiences",
          ["Audience", "Members", "Size over time (members at the destination after each sync run)"],
          audiences.map((a) => [
            a.name,
            a.size,
            a.history.length ? a.history.map((p) => `${when(p.at)}: ${p.size}`).join(" · ") : "no sync runs",
          ]),
        ),
        h(
          "form",
          {
            "aria-label": "Overlap of two audiences",
            onsubmit: async (e: Event) => {
              e.preventDefault();
              const r = await getJson<{ a: number; b: number; both: number }>(
                `api/audiences/overlap?${new URLSearchParams({ a: value("overlap-a"), b: value("overlap-b") })}`,
              );
              overlapOut.textContent = `${r.both} profiles in both (${r.a} in the first, ${r.b} in the second).`;
            },
          },
          h("h2", {}, "Overlap"),
          ...pick("overlap-a", "First audience", 0),
          ...pick("overlap-b", "Second audience", Math.min(1, names.length - 1)),
          h("button", { type: "submit" }, "Compare"),
          overlapOut,
        ),
        h(
          "form",
          {
            "aria-label": "Sample of an audience",
            onsubmit: async (e: Event) => {
              e.preventDefault();
              const { rows } = await getJson<{ rows: Record<string, unknown>[] }>(
                `api/audiences/${encodeURIComponent(value("sample-of"))}/sample`,
              );
              const cols = Object.keys(rows[0] ?? {});
              sampleOut.replaceChildren(
                table(
                  `Sample of ${value("sample-of")}`,
                  cols,
                  rows.map((r) => cols.map((c) => cell(r[c]))),
                ),
              );
            },
          },
          h("h2", {}, "Sample"),
          ...pick("sample-of", "Audience", 0),
          h("button", { type: "submit" }, "Show members"),
          sampleOut,
        ),
      );
    } catch (e) {
      body.replaceChildren(h("p", { role: "alert" }, (e as Error).message));
    }
  })();
  return h("article", {}, h("h1", {}, "Audiences"), body);
}
