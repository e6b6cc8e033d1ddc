/**
 * A small XML well-formedness check for the SVG the renderers write: every tag closed in
 * order, attributes quoted and not repeated, only the five predefined entities (or numeric
 * ones), no stray `<` or `&`. Returns the problems found (none: well-formed), and counts of
 * each element for tests to assert on.
 */
export function checkXml(text: string): { errors: string[]; counts: Map<string, number> } {
  const errors: string[] = [];
  const counts = new Map<string, number>();
  const stack: string[] = [];
  let i = 0;
  const checkText = (s: string, at: number) => {
    const bad = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(s);
    if (bad) errors.push(`bare '&' at ${at + bad.index}`);
    if (s.includes("<")) errors.push(`stray '<' at ${at}`);
  };
  while (i < text.length) {
    const open = text.indexOf("<", i);
    if (open < 0) {
      checkText(text.slice(i), i);
      break;
    }
    checkText(text.slice(i, open), i);
    const close = text.indexOf(">", open);
    if (close < 0) {
      errors.push(`unclosed tag at ${open}`);
      break;
    }
    const tag = text.slice(open + 1, close);
    i = close + 1;
    if (tag.startsWith("?") || tag.startsWith("!")) continue;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const top = stack.pop();
      if (top !== name) errors.push(`</${name}> closes <${top}> at ${open}`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z_][\w:.-]*)([\s\S]*)$/.exec(body);
    if (!m) {
      errors.push(`bad tag <${tag.slice(0, 20)}> at ${open}`);
      continue;
    }
    const [, name, rest] = m;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const seen = new Set<string>();
    const attr = /\s+([A-Za-z_][\w:.-]*)="([^"<]*)"/gy;
    let consumed = 0;
    for (let a = attr.exec(rest); a; a = attr.exec(rest)) {
      if (seen.has(a[1])) errors.push(`attribute ${a[1]} repeated on <${name}>`);
      seen.add(a[1]);
      checkText(a[2], open);
      consumed = attr.lastIndex;
    }
    if (rest.slice(consumed).trim() !== "") errors.push(`malformed attributes on <${name}> at ${open}`);
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) errors.push(`unclosed <${stack.join("> <")}>`);
  return { errors, counts };
}
