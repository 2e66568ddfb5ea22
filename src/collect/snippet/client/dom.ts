/// <reference lib="dom" />
/// <reference lib="dom.iterable" />

declare global {
  interface Window {
    /** The snippet's API, or before it loaded, the stub's queue of calls. */
    cdp?: unknown;
  }
}

export const win = window;

/** Warnings go to the page's console: a tracking call that cannot succeed must not throw into the site. */
export function warn(message: string): void {
  console.warn(`[cdp.js] ${message}`);
}
