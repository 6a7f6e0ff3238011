// Consent (toestemming), sharing without consent, and the inputs of the
// consent operations (app/data/ops/consent.ts).
import { z } from 'zod';

import { recordErrors } from '../errors';
import { safeText } from '../safe-text';
import { choiceList, isoDateSchema, recordIdSchema, stamps } from './base';

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
  'contactgegevens',
  /** Issue 15: the steps taken to get the material offline (schema/records/takedown.ts). */
  'offline-halen',
]);
export type InfoCategory = z.infer<typeof infoCategorySchema>;

export const consentBasisSchema = z.enum(['toestemming', 'noodtoestand', 'art-458bis']);
export type ConsentBasis = z.infer<typeof consentBasisSchema>;

const consentCommon = {
  kind: z.literal('consent'),
  schemaVersion: z.literal(1),
  id: recordIdSchema,
  caseId: recordIdSchema,
  /** Whose information. */
  partyId: recordIdSchema,
  recipient: recipientSchema,
  categories: choiceList(infoCategorySchema),
  ...stamps,
};

/** The fields of given consent, before the cross-field rule (zod cannot `.pick` a refined object). */
const consentGivenFields = z.strictObject({
  ...consentCommon,
  basis: z.literal('toestemming'),
  givenBy: z.enum(['jongere', 'ouder-voogd']),
  givenOn: isoDateSchema,
  how: z.enum(['mondeling-genoteerd', 'schriftelijk']),
  withdrawnOn: isoDateSchema.optional(),
});

export const consentGivenSchema = consentGivenFields.refine(
  (c) => c.withdrawnOn === undefined || c.withdrawnOn >= c.givenOn,
  { error: recordErrors.withdrawnBeforeGiven, path: ['withdrawnOn'] },
);

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

export const shareWithoutConsentSchema = z.strictObject({
  ...consentCommon,
  basis: z.enum(['noodtoestand', 'art-458bis']),
  sharedOn: isoDateSchema,
  justification: safeText({ min: 1 }),
  checks: shareChecksSchema,
});

export const consentRecordSchema = z.discriminatedUnion('basis', [consentGivenSchema, shareWithoutConsentSchema]);
export type ConsentRecord = z.infer<typeof consentRecordSchema>;
export type ConsentGiven = z.infer<typeof consentGivenSchema>;
export type ShareWithoutConsent = z.infer<typeof shareWithoutConsentSchema>;

// ---------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------

/** The consent form. */
export const recordConsentInput = consentGivenFields.pick({
  caseId: true,
  partyId: true,
  recipient: true,
  categories: true,
  givenBy: true,
  givenOn: true,
  how: true,
});
export type RecordConsentInput = z.input<typeof recordConsentInput>;

export const withdrawConsentInput = consentGivenFields.pick({ id: true, withdrawnOn: true }).required();
export type WithdrawConsentInput = z.input<typeof withdrawConsentInput>;

/** The share-without-consent form: justification and every check answer are required. */
export const shareWithoutConsentInput = shareWithoutConsentSchema.pick({
  caseId: true,
  partyId: true,
  basis: true,
  recipient: true,
  categories: true,
  sharedOn: true,
  justification: true,
  checks: true,
});
export type ShareWithoutConsentInput = z.input<typeof shareWithoutConsentInput>;
