// Moving existing cases to their own key after unlock (issue 18). Not in the
// core catalogue: shown only behind the lock.
export const caseKeys = {
  progress: (done: number, total: number) => `Dossiers beveiligen: ${done} van ${total}`,
  failed:
    'Dossiers beveiligen lukte nu niet. Alles blijft leesbaar; Baken probeert het opnieuw na de volgende ontgrendeling.',
} as const;
