// The files an auditor downloads from the anonymised figures
// (audit-aggregates.ts makes them): CSV with the envelope first, and JSON.
// Pure text; nothing here decides what is shown or suppressed.
import { nothingToCount, type AuditAggregates } from './audit-aggregates';

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV: the envelope (header + one row), a blank line, then one row per
 * figure: table, cell, value, suppressed (1 = suppressed, value empty). A
 * table below k has one row: cell `total`, value `<k`, suppressed 1. A figure
 * with nothing to count (a percentage of 0 shares) is empty with suppressed 0.
 */
export function aggregatesToCsv(
  a: AuditAggregates,
  /**
   * The row in words (the screen's caption and row label, in Dutch), in a last column `omschrijving`, so an
   * auditor without Baken reads the file (a review: only codes such as `takedown-child-focus`). Optional:
   * without it the columns are as before.
   */
  describe?: (table: string, cell: string) => string,
): string {
  const rows: Array<Array<string | number | null>> = [
    ['type', 'version', 'generatedOn', 'period', 'k'],
    [a.type, a.version, a.generatedOn, a.period, a.k],
    [],
    ['table', 'cell', 'value', 'suppressed', ...(describe ? ['omschrijving'] : [])],
  ];
  const row = (table: string, cell: string, value: string | number | null, suppressed: 0 | 1): void => {
    rows.push([table, cell, value, suppressed, ...(describe ? [describe(table, cell)] : [])]);
  };
  for (const t of a.tables) {
    if (t.lessThanK) {
      row(t.id, 'total', `<${a.k}`, 1);
      continue;
    }
    for (const c of t.cells) row(t.id, c.key, c.value, c.value === null ? 1 : 0);
    row(t.id, 'total', t.total, 0);
  }
  // A figure with nothing to count (a base of 0) is empty but not suppressed.
  const none = nothingToCount(a);
  for (const [key, value] of Object.entries(a.stats))
    row('stats', key, value, value === null && !none.has(key as keyof AuditAggregates['stats']) ? 1 : 0);
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * JSON: the figures as made, plus `statsNothingToCount`: the keys of `stats` that are null because there
 * was nothing to count (a base of 0), so a null there is told apart from a suppressed one, as the CSV's
 * `suppressed` column and the screen ("niets te tellen" / "verborgen") do (a review found them alike).
 */
export function aggregatesToJson(a: AuditAggregates): string {
  const none = nothingToCount(a);
  const statsNothingToCount = Object.keys(a.stats).filter((key) => none.has(key as keyof AuditAggregates['stats']));
  return `${JSON.stringify({ ...a, statsNothingToCount }, null, 2)}\n`;
}
