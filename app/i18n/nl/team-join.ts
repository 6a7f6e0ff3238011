// Interface strings for join requests picked up in the background on the
// lead's device (issue 21): the calm notice and its line in Instellingen → Team.
// Only how many wait: never a name.
export const teamJoin = {
  noticeLabel: 'Aanvragen voor het team',
  waiting: (n: number) =>
    n === 1
      ? 'Er wacht 1 aanvraag om lid te worden van je team. Niemand wordt toegelaten zonder jou.'
      : `Er wachten ${n} aanvragen om lid te worden van je team. Niemand wordt toegelaten zonder jou.`,
  action: 'Aanvragen bekijken in Instellingen → Team',
  later: 'Niet nu',
  /** Its name: other notices with a "Niet nu" can show at the same time. */
  laterLabel: 'Niet nu — Aanvragen voor het team',
} as const;
