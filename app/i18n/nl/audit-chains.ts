// The audit log after sync: the chains of the worker's other devices (issue 20).
export const auditChains = {
  /** One line per chain of another device, shown after the audit log is made. */
  other: (anchor: string, n: number, firstBrokenSeq: number | null) =>
    `Keten van een ander toestel (ankercode ${anchor}, ${n} ${n === 1 ? 'handeling' : 'handelingen'}): ${
      firstBrokenSeq === null ? 'geldig, de keten klopt.' : `ongeldig vanaf schakel ${firstBrokenSeq}.`
    }`,
  otherIntro:
    'Via synchronisatie staan hier ook de handelingen van je andere toestellen, elk in de keten van dat toestel. Het bestand bevat alleen de keten van dit toestel; bewaar het auditlog van een ander toestel op dat toestel.',
  unattached: (n: number) =>
    `${n} ${n === 1 ? 'handeling hoort' : 'handelingen horen'} bij geen enkele keten: een vorige schakel ontbreekt of werd gewijzigd.`,
} as const;
