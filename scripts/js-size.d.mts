export const budgets: { criticalKiB: number; allKiB: number; allCeilingKiB: number };
export function measureJs(dist?: string): Promise<{ criticalBytes: number; allBytes: number; critical: string[]; all: string[] }>;
