/**
 * The text line each record of a delimited text starts on, so an error in a
 * pasted or read file names the line a reader sees in an editor ("line 3"),
 * not the count of data records before it. It walks records as d3-dsv's
 * parseRows does: a field that starts with '"' runs to the closing quote ("" inside stands
 * for '"', and line breaks inside belong to the field); a record ends at \n,
 * \r\n or \r outside quotes; a line break at the very end starts no record.
 */

/** Line (1-based, `firstLine` for the first) on which each record of `text` starts. */
export function recordLines(text: string, delimiter: string, firstLine = 1): number[] {
  const d = delimiter.charCodeAt(0), n = text.length;
  const starts: number[] = [];
  let line = firstLine, i = 0;
  const newline = (k: number) => (text.charCodeAt(k) === 13 && text.charCodeAt(k + 1) === 10 ? 2 : 1);
  while (i < n) {
    starts.push(line);
    // One record: fields until an unquoted line break or the end.
    for (;;) {
      if (text.charCodeAt(i) === 34) {
        i++;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 34) {
            if (text.charCodeAt(i + 1) === 34) { i += 2; continue; }
            i++;
            break;
          }
          if (c === 10 || c === 13) { i += newline(i); line++; continue; }
          i++;
        }
      }
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === 10 || c === 13) break;
        i++;
      }
      if (i >= n) return starts;
      const c = text.charCodeAt(i);
      if (c === d) { i++; continue; }
      i += newline(i);
      line++;
      break;
    }
  }
  return starts;
}
