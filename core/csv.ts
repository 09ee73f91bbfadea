// Spreadsheet cells for every export (registrations, vote records, service hours, the console's
// ledgers): CSV that Excel opens as UTF-8, and text that no spreadsheet runs as a formula.

type Cell = string | number | null | undefined;

/** Text that would start a formula (=, +, -, @, tab, CR: OWASP's CSV injection list) gets a leading quote. */
export function safeText(value: Cell): string {
  const v = value == null ? '' : String(value);
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** One CSV cell: neutralised, then quoted when it holds a quote, a comma or a line break. */
export function csvCell(value: Cell): string {
  const v = safeText(value);
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV file: BOM (Excel reads it as UTF-8), CRLF lines. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
