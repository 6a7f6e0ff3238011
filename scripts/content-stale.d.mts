export interface CheckedEntry {
  where: string;
  lastChecked: string;
}
export function checkedEntries(fileName: string, root: unknown): CheckedEntry[];
export function staleEntries(entries: readonly CheckedEntry[], today: string, months?: number): CheckedEntry[];
export function findStaleContent(
  contentDir: string,
  today: string,
  months?: number,
): Promise<{ checked: number; stale: CheckedEntry[] }>;
