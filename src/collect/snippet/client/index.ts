/**
 * cdp.js, the browser snippet the collector serves at `/cdp.js`. Either
 *
 *   <script async src="https://collect.example.com/cdp.js" data-write-key="KEY"></script>
 *
 * (loaded from its script tag's attributes), or `cdp.load({ writeKey, host })`. Calls made before
 * the script arrived, through the stub `window.cdp = [["page"], ...]`, are replayed in order.
 */
import { Cdp } from "./api.ts";
import { win } from "./dom.ts";

type StubCall = [string, ...unknown[]];

function install(): void {
  const script = win.document.currentScript as HTMLScriptElement | null;
  let defaultHost: string | undefined;
  try {
    defaultHost = script?.src ? new URL(script.src).origin : undefined;
  } catch {
    defaultHost = undefined;
  }
  const cdp = new Cdp(defaultHost);
  const stub = Array.isArray(win.cdp) ? (win.cdp as StubCall[]) : [];
  win.cdp = cdp;

  const writeKey = script?.getAttribute("data-write-key");
  if (writeKey) cdp.load({ writeKey, host: script?.getAttribute("data-host") ?? undefined });

  const methods = cdp as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const [method, ...args] of stub) {
    if (typeof methods[method] === "function") methods[method]!.apply(cdp, args);
  }

  // pagehide is the last event a page reliably gets (unload is not, on mobile or in bfcache);
  // a hidden tab may be discarded without either, so it sends what waits too.
  win.addEventListener("pagehide", () => cdp.pageHidden());
  win.document.addEventListener("visibilitychange", () => {
    if (win.document.visibilityState === "hidden") cdp.pageHidden();
  });
}

// A second copy of the script on the page leaves the first one in charge.
if (win.cdp === undefined || Array.isArray(win.cdp)) install();
