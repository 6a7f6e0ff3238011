// The case page on a phone (issue 16): the compact case header, the section
// menu, collapsing sections, save confirmations and the warning about links
// to images.

import { plural } from './plural';

export const casePage = {
  summaryLabel: 'Dossier in het kort',
  status: 'Status',
  nextFollowUp: 'Volgende opvolging',
  noFollowUp: 'geen gepland',
  /** The next follow-up's date when it lies before today (Brussels), as Opvolging counts "te laat". */
  followUpLate: (date: string) => `${date}, te laat`,
  flag: 'Vlaggensysteem',
  noFlag: 'nog niet ingeschat',
  consent: 'Toestemming',
  /**
   * Consents given and not withdrawn (of which `notCounting` release nothing
   * today: not valid, not yet, incomplete, or only someone else's information),
   * and withdrawn ones; what each covers is in the section.
   */
  consentCount: (given: number, withdrawn: number, notCounting = 0, sharedWithout = 0) =>
    (given === 0 && withdrawn === 0
      ? 'nog geen'
      : `${given} gegeven${notCounting > 0 ? ` (${notCounting} ${notCounting === 1 ? 'telt' : 'tellen'} niet)` : ''}${withdrawn > 0 ? `, ${withdrawn} ingetrokken` : ''}`) +
    (sharedWithout > 0 ? `; ${sharedWithout} keer gedeeld zonder toestemming` : ''),
  openSteps: 'Open stappen',
  openStepsCount: (open: number, total: number) => `${open} van ${total}`,
  /** The "Naar sectie" control that stays at hand while scrolling. */
  jump: 'Naar sectie',
  items: (n: number) => plural(n, 'item', 'items'),
  /**
   * A section's count as read: the Stappenplan counts steps done, Opvolging the open follow-ups (a review:
   * "0 items" above three done ones), the others what they hold.
   */
  countLabel: (title: string, n: number, sectionId?: string) =>
    `${title}, ${sectionId === 'stappenplan' ? plural(n, 'stap gedaan', 'stappen gedaan') : sectionId === 'opvolging' ? `${n} open` : plural(n, 'item', 'items')}`,
  toTop: 'Naar boven',
  expandAll: 'Alles openklappen',
  collapseAll: 'Alles dichtklappen',
  /** The collapse button of one section; the heading stays, its content hides. */
  toggle: (title: string, open: boolean) => (open ? `${title} dichtklappen` : `${title} openklappen`),
  /** Announced after a save, next to the saved item. */
  /** A checklist step is one tap (a checkbox); names carry the step and the plan, so two plans never clash. */
  steps: {
    where: (n: number, plan: string) => `stap ${n} van ${plan}`,
    doneToggle: 'Gedaan',
    doneSaved: (n: number) => `Stap ${n} is afgevinkt.`,
    undone: (n: number) => `Stap ${n} staat weer open.`,
    noteButton: 'Notitie of datum',
    noteLabel: (where: string) => `Notitie of datum bij ${where}`,
    noteFormLabel: (where: string) => `Notitie en datum bij ${where}`,
    remindLabelIn: (where: string) => `Herinneren in Opvolging: ${where}`,
    /** After the reminder toggle: which way it went (the button's text stays the same). */
    remindOn: (n: number) => `Stap ${n} staat in Opvolging tot ze gedaan is.`,
    remindOff: (n: number) => `Stap ${n} staat niet meer in Opvolging.`,
    /** A note of the same step from another device's record (both checked it first); see CaseDetail.stepOthers. */
    otherNote: (note: string) => `Ook bij deze stap genoteerd, op een ander toestel: ${note}`,
    otherNoteHint: 'Open ‘Notitie of datum’: beide notities staan daar samen, om als één te bewaren.',
  },
  links: {
    imageTitle: 'Link naar een beeld?',
    image:
      'Deze link lijkt naar een foto of video te wijzen. Baken bewaart geen beelden en ook geen links ernaar: een link leidt terug naar het materiaal, en wie dit dossier later opent, kan het zo bekijken of doorsturen. Beschrijf in woorden wat er gebeurde, of verwijder de link.',
    /** In a field that holds no link at all (a school, a class): "describe what happened" does not fit there. */
    imageNoLinks:
      'Deze link lijkt naar een foto of video te wijzen. Baken bewaart geen beelden en ook geen links ernaar, en in dit veld hoort geen link: verwijder hem.',
    linkTitle: 'Link in dit veld',
    link: 'In dit veld hoort geen link. Baken bewaart geen links naar beelden: verwijder de link, of bevestig dat hij niet naar een beeld wijst.',
    found: (url: string) => `Gevonden: ${url}`,
    confirm: 'Dit is geen beeld',
    confirmLabel: (field: string) => `Dit is geen beeld (${field})`,
    error: 'Verwijder de link, of bevestig hieronder dat hij niet naar een beeld wijst.',
  },
} as const;
