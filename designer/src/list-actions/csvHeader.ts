// The export's header row in the reader's language: the host writes field names (stable for API clients); the
// list's Export button swaps them for the labels the person sees above the columns. The values stay as written.

/** One CSV field: quoted when it holds a comma, a quote or a line break; a leading = + - @ is defused as in the values. */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The CSV with its first line's field names replaced by their labels (a name without a label stays). The host's
 * header names are plain identifiers, so the first line ends at the first line break.
 */
export function labelHeader(csv: string, labels: ReadonlyMap<string, string>): string {
  const end = csv.indexOf('\n');
  const line = (end < 0 ? csv : csv.slice(0, end)).replace(/\r$/, '');
  const rest = end < 0 ? '' : csv.slice(line.length);
  const header = line.split(',').map((name) => csvField(labels.get(name) ?? name)).join(',');
  return header + rest;
}
