// The names of the betrokkenen's roles, shared by the logbook and the exports.
export const partyRoleLabels = {
  'afgebeelde-jongere': 'afgebeelde jongere',
  'jongere-die-doorstuurde': 'jongere die doorstuurde',
  'ontvanger-omstander': 'ontvanger / omstaander',
  melder: 'melder',
  'ouder-voogd': 'ouder/voogd',
  volwassene: 'volwassene',
  andere: 'andere',
} as const;
