// Stable error codes for schema validation. `schema/` may not import the app's
// Dutch catalogue, so every issue carries a code (as its message and as
// `params.code`); the UI translates the code with the catalogue
// (app/i18n/nl/errors.ts), which must have a text for every code.

export const textErrors = {
  required: 'text.required',
  tooShort: 'text.tooShort',
  tooLong: 'text.tooLong',
  imageData: 'text.imageData',
  /** Issue 15: fields that must never hold a link (evidence stays outside Baken). */
  link: 'text.link',
} as const;

export const fieldErrors = {
  invalidDate: 'field.invalidDate',
  invalidTimestamp: 'field.invalidTimestamp',
  invalidId: 'field.invalidId',
  invalidReference: 'field.invalidReference',
  duplicate: 'field.duplicate',
  emptyList: 'field.emptyList',
  invalidInitials: 'field.invalidInitials',
} as const;

export const recordErrors = {
  reasonRequired: 'note.reasonRequired',
  supersedesSelf: 'note.supersedesSelf',
  withdrawnBeforeGiven: 'consent.withdrawnBeforeGiven',
  // Rules checked by the logbook operations (app/data/ops/*.ts).
  alreadySuperseded: 'note.alreadySuperseded',
  alreadyWithdrawn: 'consent.alreadyWithdrawn',
  notWithdrawable: 'consent.notWithdrawable',
  partyNotInCase: 'consent.partyNotInCase',
  checkRequired: 'share.checkRequired',
  criterionMissing: 'assessment.criterionMissing',
  criterionUnknown: 'assessment.criterionUnknown',
  pseudonymTaken: 'party.pseudonymTaken',
  dueInPast: 'followup.dueInPast',
  dueTooFar: 'followup.dueTooFar',
  sameDate: 'followup.sameDate',
  alreadyDone: 'followup.alreadyDone',
  notDone: 'followup.notDone',
  caseClosed: 'case.closed',
  caseNotClosed: 'case.notClosed',
  openFollowUps: 'case.openFollowUps',
  retentionInPast: 'case.retentionInPast',
  retentionTooFar: 'case.retentionTooFar',
  knownOnTooLongAgo: 'case.knownOnTooLongAgo',
  // Issue 14: who may consent, sharing without consent, facts corrections.
  giverNotEntitledCompetent: 'consent.giverNotEntitledCompetent',
  giverNotEntitledNotCompetent: 'consent.giverNotEntitledNotCompetent',
  // A recorded competence judgement is the reason, not the age presumption (a review against DOMAIN.md).
  giverNotEntitledJudgedCompetent: 'consent.giverNotEntitledJudgedCompetent',
  giverNotEntitledJudgedNotCompetent: 'consent.giverNotEntitledJudgedNotCompetent',
  giverNotEntitledNl: 'consent.giverNotEntitledNl',
  giverNotEntitledAdult: 'consent.giverNotEntitledAdult',
  art458bisParketOnly: 'share.art458bisParketOnly',
  // Art. 458bis is Belgian law: not a basis in a case under Dutch rules (a review as a Dutch care team).
  art458bisNotInNl: 'share.art458bisNotInNl',
  bestPlacedToHelpRequired: 'share.bestPlacedToHelpRequired',
  informedRequired: 'share.informedRequired',
  warningNotConfirmed: 'share.warningNotConfirmed',
  factsReasonRequired: 'case.factsReasonRequired',
  factsUnchanged: 'case.factsUnchanged',
  // A field changed elsewhere (another tab or device) since the edit form opened (schema/edit-base.ts).
  changedMeanwhile: 'record.changedMeanwhile',
  // Issue 15: conversations.
  conversationAgreementRequired: 'conversation.agreementRequired',
  conversationJointNeedsTwo: 'conversation.jointNeedsTwo',
  // A date that has not happened yet (a consent given, a share made, a case known; checked when written, never on read).
  dateInFuture: 'date.inFuture',
  // A consent, a share without consent, a competence judgement or a flag assessment about this case
  // dated before the case became known (knownOn): checked when written. Of what is stored, only a
  // consent given before knownOn is never counted (consent-validity.ts).
  dateBeforeKnown: 'date.beforeKnown',
  // A later "bekend sinds" than a consent, share, competence judgement or flag assessment already
  // recorded (earliestDatedAfterKnown): refused, so nothing stored quietly stops counting.
  knownOnAfterRecords: 'case.knownOnAfterRecords',
} as const;

type ValueOf<T> = T[keyof T];
export type TextErrorCode = ValueOf<typeof textErrors>;
export type FieldErrorCode = ValueOf<typeof fieldErrors>;
export type RecordErrorCode = ValueOf<typeof recordErrors>;
export type SchemaErrorCode = TextErrorCode | FieldErrorCode | RecordErrorCode;

const allCodes: ReadonlySet<string> = new Set<string>([
  ...Object.values(textErrors),
  ...Object.values(fieldErrors),
  ...Object.values(recordErrors),
]);

export function isSchemaErrorCode(code: string): code is SchemaErrorCode {
  return allCodes.has(code);
}
