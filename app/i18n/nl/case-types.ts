// The names of the incident types, shared by the logbook and the exports.
export const caseTypeLabels = {
  sexting: 'sexting',
  'ongewenste-sexting': 'ongewenste sexting',
  'shame-sexting': 'shame sexting',
  sextortion: 'sextortion',
  grooming: 'grooming',
  exposing: 'exposing',
  doxing: 'doxing',
  anders: 'anders',
} as const;
