/** Word-wrap plain text to `width` columns (long words are cut), for panes that scroll by line. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > w) {
        out.push(line);
        line = "";
      }
      let rest = word;
      while (rest.length > w) {
        if (line) {
          out.push(line);
          line = "";
        }
        out.push(rest.slice(0, w));
        rest = rest.slice(w);
      }
      line = line ? `${line} ${rest}` : rest;
    }
    out.push(line);
  }
  return out;
}
