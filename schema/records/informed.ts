// Other schools and CLBs informed (issue 15, seed 004): when pupils of several
// schools are involved, the schools and CLBs contact each other with
// need-to-know information only, preferably after telling the pupils
// ("Liefst brengen we als CLB éérst de betrokken leerlingen op de hoogte").
// Each record is one time an institution was informed: which one (its name,
// no person names needed), when, on what basis, and whether the pupils were
// told first. Append-only.
import { z } from 'zod';

import { safeText } from '../safe-text';
import { caseEntryInputs, caseEntrySchema, isoDateSchema, trimmedInput } from './base';

export const institutionKindSchema = z.enum(['school', 'clb']);
export type InstitutionKind = z.infer<typeof institutionKindSchema>;

/**
 * On what basis: the consent of the one(s) who decide (seed 004: "De bekwame
 * leerling of de ouders van de onbekwame leerling vragen we om toestemming"),
 * or a serious threat to the pupils' integrity (seed 004: CLB'ers "mogen deze
 * informatie delen met andere CLB's. Er is immers sprake van dreiging").
 */
export const informedBasisSchema = z.enum(['toestemming', 'dreiging']);
export type InformedBasis = z.infer<typeof informedBasisSchema>;

const informedFields = {
  institutionKind: institutionKindSchema,
  /** The institution's name; never a link. */
  institution: safeText({ min: 1, max: 120, noLinks: true }),
  on: isoDateSchema,
  basis: informedBasisSchema,
  /** The pupils involved were told before the institution was (seed 004: preferably). */
  pupilsToldFirst: z.boolean(),
};
export const informedSchema = caseEntrySchema('informed', informedFields);
export type Informed = z.infer<typeof informedSchema>;

const informedInputs = caseEntryInputs({
  ...informedFields,
  institution: trimmedInput(informedFields.institution),
  pupilsToldFirst: z.boolean().default(false),
});
/** The form's fields (the case comes from the page). */
export const informedFormInput = informedInputs.form;
/** The input of recordInstitutionInformed. */
export const recordInformedInput = informedInputs.operation;
export type RecordInformedInput = z.input<typeof recordInformedInput>;
