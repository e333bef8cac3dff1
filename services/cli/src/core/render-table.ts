import Table from 'cli-table3';

/** A cell of a table: text or a number (right-aligned), null shown as `-`. */
export type Cell = string | number | null;

/**
 * A table for people (box-drawn, no colours so it reads the same in logs and pipes); numbers are
 * right-aligned. Returns the text with a trailing newline.
 */
export function renderTable(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const table = new Table({
    head: [...head],
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) {
    table.push(
      row.map((cell) =>
        typeof cell === 'number'
          ? { content: cell.toLocaleString('en-US'), hAlign: 'right' as const }
          : (cell ?? '-'),
      ),
    );
  }
  return `${table.toString()}\n`;
}

/** A two-column key/value table (one record shown vertically). */
export function renderFields(fields: readonly (readonly [string, Cell])[]): string {
  const table = new Table({ style: { head: [], border: [], compact: true } });
  for (const [name, value] of fields) {
    table.push({ [name]: typeof value === 'number' ? String(value) : (value ?? '-') });
  }
  return `${table.toString()}\n`;
}
