// Consent (toestemming), sharing without consent, and the inputs of the
// consent operations (app/data/ops/consent.ts).
import { z } from 'zod';

import { fieldErrors, recordErrors } from '../errors';
import { safeText } from '../safe-text';
import { caseRecordHead, choiceList, isoDateSchema, recordIdSchema, stamps } from './base';

export const recipientSchema = z.enum([
  'school',
  'ander-clb',
  'ouders-voogd',
  'politie-parket',
  'child-focus',
  'hulpverlening',
]);
export type Recipient = z.infer<typeof recipientSchema>;

export const infoCategorySchema = z.enum([
  'feiten',
  'afspraken',
  'vlaggen-beoordeling',
  'namen-betrokkenen',
  'opvolging',
  /** Issue 15: the steps taken to get the material offline (schema/records/takedown.ts). */
  'offline-halen',
  /** Issue 15: whether evidence exists and who holds it (schema/records/evidence.ts). */
  'bewijsmateriaal',
  /** Issue 15: a police complaint considered, advised or made (schema/records/police.ts). */
  'klacht-politie',
  /** Issue 15: which other schools and CLBs were informed (schema/records/informed.ts). */
  'andere-scholen',
  /** Issue 15: the grooming phases observed (schema/records/grooming.ts). */
  'grooming-signalen',
  /** Issue 15: conversations held (date, joint or separate; schema/records/conversation.ts). */
  'gesprekken',
]);
export type InfoCategory = z.infer<typeof infoCategorySchema>;

/**
 * Categories that no longer exist (issue 15 item 3: `contactgegevens`, which
 * no field ever filled). A consent stored with one keeps it here, readable in
 * its history; it releases nothing (nothing could be filed under it).
 */
export const retiredCategorySchema = z.enum(['contactgegevens']);
export type RetiredCategory = z.infer<typeof retiredCategorySchema>;

const distinctList = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).refine((list) => new Set(list).size === list.length, { error: fieldErrors.duplicate });

export const consentBasisSchema = z.enum(['toestemming', 'noodtoestand', 'art-458bis']);
export type ConsentBasis = z.infer<typeof consentBasisSchema>;

// Version 2 (issue 14): a share without consent records whether, when and how
// the young person was told, the person or service best placed to help
// (noodtoestand) and which contradicting check answers the worker confirmed.
// restore.ts upgrades version 1; given consent only changes its version, its
// validity is worked out when read (consent-validity.ts), never stored.
// Version 3 (issue 15): `contactgegevens` moved from `categories` to
// `retiredCategories`; `categories` may then be empty (restore.ts).
const consentCommon = {
  ...caseRecordHead('consent', 3),
  /** Whose information. */
  partyId: recordIdSchema,
  recipient: recipientSchema,
  /** At least one, unless the record named only retired categories (`coversSomething`). */
  categories: distinctList(infoCategorySchema),
  retiredCategories: choiceList(retiredCategorySchema).optional(),
  ...stamps,
};

/** A stored record names at least one category, current or retired. */
function namesACategory(c: { categories: readonly string[]; retiredCategories?: readonly string[] | undefined }) {
  return c.categories.length > 0 || c.retiredCategories !== undefined;
}
const namesACategoryIssue = { error: fieldErrors.emptyList, path: ['categories'] };

/** What a form may name: at least one current category (never a retired one). */
const formCategories = { categories: choiceList(infoCategorySchema) };

/** The fields of given consent, before the cross-field rule (zod cannot `.pick` a refined object). */
const consentGivenFields = z.strictObject({
  ...consentCommon,
  basis: z.literal('toestemming'),
  givenBy: z.enum(['jongere', 'ouder-voogd']),
  givenOn: isoDateSchema,
  how: z.enum(['mondeling-genoteerd', 'schriftelijk']),
  withdrawnOn: isoDateSchema.optional(),
});

export const consentGivenSchema = consentGivenFields
  .refine((c) => c.withdrawnOn === undefined || c.withdrawnOn >= c.givenOn, {
    error: recordErrors.withdrawnBeforeGiven,
    path: ['withdrawnOn'],
  })
  .refine(namesACategory, namesACategoryIssue);

const yesNo = z.enum(['ja', 'nee'], { error: recordErrors.checkRequired });
const checkAnswer = z.strictObject(
  { answer: yesNo, note: safeText({ max: 1000 }).optional() },
  { error: recordErrors.checkRequired },
);

/** The DOMAIN.md check questions for sharing without consent; all required. */
export const shareChecksSchema = z.strictObject(
  {
    /** Is a solution within the relationship of trust impossible? */
    solutionWithinTrustImpossible: checkAnswer,
    /** Did you consult others (e.g. the VK), without naming the young person? */
    consultedOthers: checkAnswer,
    /** Did you discuss it with the young person? */
    discussedWithYoungPerson: checkAnswer,
    /** Can they be motivated to report themselves? */
    canBeMotivatedToReport: checkAnswer,
    /** Who is best placed to be informed? */
    bestPlacedToInform: safeText({ min: 1, max: 1000 }),
  },
  { error: recordErrors.checkRequired },
);
export type ShareChecks = z.infer<typeof shareChecksSchema>;

/**
 * Was the young person told what is shared, why, and what happens next (seed
 * 004: "glashelder")? `niet-vastgelegd` only comes from records stored before
 * this was asked; the form cannot choose it.
 */
export const youngPersonInformedSchema = z.discriminatedUnion(
  'told',
  [
    z.strictObject({ told: z.literal('ja'), on: isoDateSchema, how: safeText({ min: 1, max: 1000 }) }),
    z.strictObject({ told: z.literal('nee'), whyNot: safeText({ min: 1, max: 1000 }) }),
    z.strictObject({ told: z.literal('niet-vastgelegd') }),
  ],
  { error: recordErrors.informedRequired },
);
export type YoungPersonInformed = z.infer<typeof youngPersonInformedSchema>;

/** Check answers that argue against sharing without consent (schema/share-rules.ts). */
export const contradictionCodeSchema = z.enum([
  'oplossing-binnen-vertrouwensrelatie-mogelijk',
  'jongere-kan-zelf-melden',
  'niet-besproken-met-jongere',
]);

/** The fields of a share without consent, before the stored-record rule (zod cannot `.pick` a refined object). */
const shareWithoutConsentObject = z.strictObject({
  ...consentCommon,
  basis: z.enum(['noodtoestand', 'art-458bis']),
  sharedOn: isoDateSchema,
  justification: safeText({ min: 1 }),
  checks: shareChecksSchema,
  /** Noodtoestand: the person or service best placed to help (seed 004). */
  bestPlacedToHelp: safeText({ min: 1, max: 500 }).optional(),
  youngPersonInformed: youngPersonInformedSchema,
  /** Contradicting check answers the worker saw and confirmed. */
  confirmedWarnings: z.array(contradictionCodeSchema).max(10),
});
export const shareWithoutConsentSchema = shareWithoutConsentObject.refine(namesACategory, namesACategoryIssue);

export const consentRecordSchema = z.discriminatedUnion('basis', [consentGivenSchema, shareWithoutConsentSchema]);
export type ConsentRecord = z.infer<typeof consentRecordSchema>;
export type ConsentGiven = z.infer<typeof consentGivenSchema>;
export type ShareWithoutConsent = z.infer<typeof shareWithoutConsentSchema>;

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/** The consent form. */
export const recordConsentInput = consentGivenFields
  .pick({
    caseId: true,
    partyId: true,
    recipient: true,
    givenBy: true,
    givenOn: true,
    how: true,
  })
  .extend(formCategories);
export type RecordConsentInput = z.input<typeof recordConsentInput>;

export const withdrawConsentInput = consentGivenFields.pick({ id: true, withdrawnOn: true }).required();
export type WithdrawConsentInput = z.input<typeof withdrawConsentInput>;

/** The share-without-consent fields, before the cross-field rules (zod cannot `.omit` a refined object). */
export const shareWithoutConsentFields = shareWithoutConsentObject
  .pick({
    caseId: true,
    partyId: true,
    basis: true,
    recipient: true,
    sharedOn: true,
    justification: true,
    checks: true,
    bestPlacedToHelp: true,
    youngPersonInformed: true,
  })
  .extend({ ...formCategories, confirmedWarnings: shareWithoutConsentObject.shape.confirmedWarnings.default([]) });

/**
 * The cross-field rules of sharing without consent (issue 14): art. 458bis
 * only to politie-parket; a noodtoestand names who is best placed to help;
 * whether the young person was told (the form cannot say "niet vastgelegd").
 * Confirming contradicting check answers is checked by the operation
 * (share-rules.ts).
 */
export function shareWithoutConsentRules(
  share: Pick<
    z.output<typeof shareWithoutConsentFields>,
    'basis' | 'recipient' | 'bestPlacedToHelp' | 'youngPersonInformed'
  >,
  ctx: z.core.$RefinementCtx,
): void {
  const issue = (code: string, path: string[]): void => {
    ctx.addIssue({ code: 'custom', message: code, params: { code }, path });
  };
  if (share.basis === 'art-458bis' && share.recipient !== 'politie-parket') {
    issue(recordErrors.art458bisParketOnly, ['recipient']);
  }
  if (share.basis === 'noodtoestand' && share.bestPlacedToHelp === undefined) {
    issue(recordErrors.bestPlacedToHelpRequired, ['bestPlacedToHelp']);
  }
  if (share.youngPersonInformed.told === 'niet-vastgelegd')
    issue(recordErrors.informedRequired, ['youngPersonInformed']);
}

/** The share-without-consent form: justification and every check answer are required, plus the rules above. */
export const shareWithoutConsentInput = shareWithoutConsentFields.superRefine(shareWithoutConsentRules);
export type ShareWithoutConsentInput = z.input<typeof shareWithoutConsentInput>;
