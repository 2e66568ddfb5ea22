import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import type { Diagnostic } from "../errors.ts";

/**
 * A template's text. Files must be UTF-8: read any other way, a Latin-1 `é` becomes U+FFFD and
 * the SQL quietly changes. An invalid byte (or an unreadable file, such as a dangling link) is a
 * diagnostic naming the file and line instead.
 */
export function readSource(
  absolute: string,
  file: string,
  node: string,
): { text: string; problem?: undefined } | { text?: undefined; problem: Diagnostic } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const why = e.code === "ENOENT" ? "it is a link to a file that does not exist" : e.message;
    return { problem: { file, node, message: `cannot read the file: ${why}` } };
  }
  if (isUtf8(bytes)) return { text: bytes.toString("utf8") };
  const bad = firstInvalidUtf8(bytes);
  const line = bytes.subarray(0, bad).toString("latin1").split("\n").length;
  return {
    problem: {
      file,
      line,
      node,
      message: `the file is not UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, "0")} on this line)`,
      hint: "save it as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
    },
  };
}

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const [n, min] =
      c >= 0xc2 && c <= 0xdf
        ? [1, 0x80]
        : c >= 0xe0 && c <= 0xef
          ? [2, 0x800]
          : c >= 0xf0 && c <= 0xf4
            ? [3, 0x10000]
            : [0, 0];
    if (n === 0) return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid too.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += n + 1;
  }
  return -1;
}
