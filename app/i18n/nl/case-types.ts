// The names of the incident types, shared by the logbook and the exports.
// DOMAIN.md: the source word "exposing" carries blame and is only used in a
// quote, so that type (stored as `exposing`) is named by the behaviour.
export const caseTypeLabels = {
  sexting: 'sexting',
  'ongewenste-sexting': 'ongewenste sexting',
  'shame-sexting': 'shame sexting',
  sextortion: 'sextortion',
  grooming: 'grooming',
  exposing: 'beelden verspreiden met persoonsgegevens',
  doxing: 'doxing',
  anders: 'anders',
} as const;
