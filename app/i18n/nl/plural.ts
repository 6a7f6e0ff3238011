// "1 dossier", "2 dossiers": a count with the singular or the plural noun.
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
