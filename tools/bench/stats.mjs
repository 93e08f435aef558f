// Percentiles and the printed report.

/** Nearest-rank percentile of `values` (any order); NaN when empty. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Milliseconds between two ISO timestamps. */
export function msBetween(fromIso, toIso) {
  return Date.parse(toIso) - Date.parse(fromIso);
}

export function round(n, digits = 1) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Prints rows of [label, value] as two aligned columns. */
export function printTable(title, rows) {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  for (const [label, value] of rows) {
    console.log(`  ${label.padEnd(width)}  ${value}`);
  }
}

/** Prints a header and rows as left-aligned columns. */
export function printColumns(title, header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) =>
    Math.max(...all.map((row) => String(row[i]).length)),
  );
  const line = (row) =>
    row.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log(`\n${title}`);
  console.log(`  ${line(header)}`.trimEnd());
  for (const row of rows) console.log(`  ${line(row)}`.trimEnd());
}
