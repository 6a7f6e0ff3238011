export function findSystemChromium(): string | null;
export function findChromium(): Promise<string | null>;
export const chromiumArgs: string[];
