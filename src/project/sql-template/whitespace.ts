import type { Program, Statement } from "./ast.ts";

/**
 * Handlebars' whitespace control, ported rule for rule (compiler/whitespace-control.js): `~`
 * strips whitespace next to a tag, and a block, comment or partial alone on its line takes the
 * line with it ("standalone"). The output must match Handlebars byte for byte; a differential
 * test checks it.
 */
interface StripInfo {
  open?: boolean;
  close?: boolean;
  openStandalone?: boolean;
  closeStandalone?: boolean;
  inlineStandalone?: boolean;
}

export function applyWhitespaceControl(root: Program): Program {
  let rootSeen = false;

  const visitProgram = (program: Program | undefined): void => {
    if (!program) return;
    const isRoot = !rootSeen;
    rootSeen = true;
    const body = program.body;
    for (let i = 0; i < body.length; i++) {
      const current = body[i]!;
      const strip = accept(current);
      if (!strip) continue;
      const prevWs = isPrevWhitespace(body, i, isRoot);
      const nextWs = isNextWhitespace(body, i, isRoot);
      const openStandalone = strip.openStandalone && prevWs;
      const closeStandalone = strip.closeStandalone && nextWs;
      const inlineStandalone = strip.inlineStandalone && prevWs && nextWs;
      if (strip.close) omitRight(body, i, true);
      if (strip.open) omitLeft(body, i, true);
      if (inlineStandalone) {
        omitRight(body, i);
        if (omitLeft(body, i) && current.type === "partial") {
          const prev = body[i - 1];
          if (prev?.type === "content") current.indent = /(?:^|[^ \t])([ \t]+)$/.exec(prev.original)?.[1];
        }
      }
      if (openStandalone && current.type === "block") {
        omitRight((current.program ?? current.inverse)!.body);
        omitLeft(body, i);
      }
      if (closeStandalone && current.type === "block") {
        omitRight(body, i);
        omitLeft((current.inverse ?? current.program).body);
      }
    }
  };

  const accept = (node: Statement): StripInfo | undefined => {
    switch (node.type) {
      case "content":
        return undefined;
      case "mustache":
        return node.strip;
      case "comment":
      case "partial":
        return { inlineStandalone: true, open: node.strip.open, close: node.strip.close };
      case "block": {
        visitProgram(node.program);
        visitProgram(node.inverse);
        const program = node.program;
        const inverse = node.inverse;
        const strip: StripInfo = {
          open: node.openStrip.open,
          close: node.closeStrip.close,
          openStandalone: isNextWhitespace(program.body),
          closeStandalone: isPrevWhitespace((inverse ?? program).body),
        };
        if (node.openStrip.close) omitRight(program.body, undefined, true);
        if (inverse) {
          const inverseStrip = node.inverseStrip!;
          if (inverseStrip.open) omitLeft(program.body, undefined, true);
          if (inverseStrip.close) omitRight(inverse.body, undefined, true);
          if (node.closeStrip.open) omitLeft(inverse.body, undefined, true);
          if (isPrevWhitespace(program.body) && isNextWhitespace(inverse.body)) {
            omitLeft(program.body);
            omitRight(inverse.body);
          }
        } else if (node.closeStrip.open) {
          omitLeft(program.body, undefined, true);
        }
        return strip;
      }
    }
  };

  visitProgram(root);
  return root;
}

function isPrevWhitespace(body: Statement[], index?: number, isRoot?: boolean): boolean | undefined {
  const i = index ?? body.length;
  const prev = body[i - 1];
  const sibling = body[i - 2];
  if (!prev) return isRoot;
  if (prev.type === "content") {
    return (sibling || !isRoot ? /(?:^|\S)[^\S\n]*\n\s*$/ : /^\s*$|(?:^|\S)[^\S\n]*\n\s*$/).test(
      prev.original,
    );
  }
  return undefined;
}

function isNextWhitespace(body: Statement[], index?: number, isRoot?: boolean): boolean | undefined {
  const i = index ?? -1;
  const next = body[i + 1];
  const sibling = body[i + 2];
  if (!next) return isRoot;
  if (next.type === "content") {
    return (sibling || !isRoot ? /^\s*?\r?\n/ : /^\s*?(\r?\n|$)/).test(next.original);
  }
  return undefined;
}

function omitRight(body: Statement[], i?: number, multiple?: boolean): void {
  const current = body[i === undefined ? 0 : i + 1];
  if (current?.type !== "content" || (!multiple && current.rightStripped)) return;
  const original = current.value;
  current.value = current.value.replace(multiple ? /^\s+/ : /^[ \t]*\r?\n?/, "");
  current.rightStripped = current.value !== original;
}

function omitLeft(body: Statement[], i?: number, multiple?: boolean): boolean | undefined {
  const current = body[i === undefined ? body.length - 1 : i - 1];
  if (current?.type !== "content" || (!multiple && current.leftStripped)) return undefined;
  const original = current.value;
  current.value = current.value.replace(multiple ? /(^|\S)\s+$/ : /(^|[^ \t])[ \t]+$/, "$1");
  current.leftStripped = current.value !== original;
  return current.leftStripped;
}
