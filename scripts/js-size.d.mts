export const budgets: { criticalKiB: number; allKiB: number; allCeilingKiB: number; syncKiB: number };
export function measureJs(dist?: string): Promise<{
  criticalBytes: number;
  /** All JS except the sync chunks (issue 20: counted apart). */
  allBytes: number;
  syncBytes: number;
  critical: string[];
  all: string[];
  sync: string[];
}>;
