/**
 * CSV for the activity download (RFC 4180, opened by Excel and by scripts). Pure: the route streams rows
 * built here. Every cell is quoted, so commas, quotes and line breaks inside a value never shift a column.
 */

/** What one download holds at most; the route says so in a header when the filter matches more. */
export const ACTIVITY_CSV_MAX = 50_000;

/** A UTF-8 byte order mark: without it, Excel in Japanese reads UTF-8 as Shift_JIS and garbles the text. */
export const CSV_BOM = '\uFEFF';

// A cell a spreadsheet would read as a formula (CSV injection): =, +, -, @, or a tab or carriage return that
// some spreadsheets skip before such a sign. Full-width signs too, which Japanese spreadsheets may accept.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
