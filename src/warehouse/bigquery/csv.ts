import { open } from "node:fs/promises";
import { StringDecoder } from "node:string_decoder";

/**
 * The little CSV reading the loader does itself: the header (column names) and a sample of whole
 * records for type detection. Quotes may hide delimiters and line breaks.
 */

/** Splits `text` into complete records (raw text, without the line break); a trailing partial one is dropped. */
function records(text: string, limit: number, complete: boolean): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === "\n" && !quoted) {
      out.push(text.slice(start, text[i - 1] === "\r" ? i - 1 : i));
      start = i + 1;
    }
  }
  if (complete && out.length < limit && start < text.length && !quoted) out.push(text.slice(start));
  return out;
}

/**
 * The first `count` records of a file (the header included), reading no more than needed.
 * Returns them as text ready to be loaded, and one by one.
 */
export async function headRecords(file: string, count: number): Promise<{ text: string; records: string[] }> {
  const handle = await open(file, "r");
  try {
    let text = "";
    const chunk = Buffer.alloc(1 << 16);
    // A character split across two reads must not be mangled.
    const decoder = new StringDecoder("utf8");
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      const eof = bytesRead === 0;
      text += eof ? decoder.end() : decoder.write(chunk.subarray(0, bytesRead));
      const found = records(text, count, eof);
      if (found.length >= count || eof) {
        const lines = found.map((r, i) => (i === 0 ? r.replace(/^\uFEFF/, "") : r));
        return { text: `${lines.join("\n")}\n`, records: lines };
      }
    }
  } finally {
    await handle.close();
  }
}
