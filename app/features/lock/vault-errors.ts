// Reads the stable error codes that app/data attaches to its errors.

export function errorCode(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

/** When a throttled unlock may be retried (epoch ms), if the error says so. */
export function retryAtOf(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && 'retryAt' in error) {
    const value = (error as { retryAt: unknown }).retryAt;
    if (typeof value === 'number') return value;
    if (value instanceof Date) return value.getTime();
  }
  return null;
}
