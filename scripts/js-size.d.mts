export const budgets: { criticalKiB: number; allKiB: number; allCeilingKiB: number; syncKiB: number; wasmKiB: number };
export function measureJs(dist?: string): Promise<{
  criticalBytes: number;
  /** All JS except the sync chunks (issue 20: counted apart). */
  allBytes: number;
  syncBytes: number;
  /** Issue 19: base64 WebAssembly in JS files, counted apart from allBytes. */
  wasmBytes: number;
  critical: string[];
  all: string[];
  sync: string[];
}>;
