// Schemas for the versioned offline-knowledge content in public/content/*.json.
// Pure: no DOM, no fs, no app/ or sw/ imports, so build plugins, tests and the
// app can all validate the same files.
import { z } from 'zod';

import {
  contentIdSchema,
  contentVersionSchema,
  incidentTypeSchema,
  lastCheckedSchema,
  regionSchema,
  sourcedTextSchema,
  sourceSchema,
  text,
  uniqueBy,
} from './content-base';
import { criteria2021Ids, criteriaOuderNlIds, topicIds } from './content-ids';
import { conversationFileSchema, legalFrameFileSchema, practiceFileSchema } from './content-guides';

export * from './content-base';
export * from './content-guides';
export { criteria2021Ids, criteriaOuderNlIds, seedFilePattern, topicIds } from './content-ids';

// ---------------------------------------------------------------------------
// stappenplan.json
// ---------------------------------------------------------------------------

export const reminderSchema = z.enum(['geheimhouding', 'beelden']);
export type Reminder = z.infer<typeof reminderSchema>;

export const doDontSchema = z.strictObject({
  kind: z.enum(['wel', 'niet']),
  text,
  source: sourceSchema,
});
export type DoDont = z.infer<typeof doDontSchema>;

const stepBase = {
  id: contentIdSchema,
  number: z.int().min(1),
  source: sourceSchema,
};

export const presentStepSchema = z.strictObject({
  ...stepBase,
  missing: z.literal(false).optional(),
  title: text,
  body: text,
  /** true: the body is the source's own wording (e.g. Qpido's "verspreider(s)"). */
  quote: z.literal(true).optional(),
  doDont: z.array(doDontSchema).min(1).optional(),
  reminders: z.array(reminderSchema).min(1).optional(),
  /** Ids of entries in verwijzingen.json that the step names. */
  referralIds: z.array(contentIdSchema).min(1).optional(),
  /** The step where a follow-up date is agreed ("smeed het ijzer als het koud is"). */
  setsFollowUpDate: z.literal(true).optional(),
});

/** A step the source lacks: shown as a gap, never filled in. */
export const missingStepSchema = z.strictObject({
  ...stepBase,
  missing: z.literal(true),
  note: text,
});

export const stepSchema = z.union([presentStepSchema, missingStepSchema]);
export type PresentStep = z.infer<typeof presentStepSchema>;
export type MissingStep = z.infer<typeof missingStepSchema>;
export type Step = z.infer<typeof stepSchema>;

export const tipSchema = z.strictObject({
  id: contentIdSchema,
  text,
  /** Set when the tip only holds in one region (e.g. the NL 16+ rule). */
  region: regionSchema.optional(),
  source: sourceSchema,
});
export type Tip = z.infer<typeof tipSchema>;

export const planSchema = z
  .strictObject({
    id: contentIdSchema,
    title: text,
    region: regionSchema,
    appliesTo: z.array(incidentTypeSchema).min(1),
    /** Of `appliesTo`, the types the plan's source does not name: Baken's choice, said on the plan. */
    appliesToByChoice: z.array(incidentTypeSchema).min(1).optional(),
    intro: sourcedTextSchema.optional(),
    steps: z.array(stepSchema).min(1),
    tips: z.array(tipSchema),
    source: sourceSchema,
    lastChecked: lastCheckedSchema,
  })
  .refine((p) => (p.appliesToByChoice ?? []).every((type) => p.appliesTo.includes(type)), {
    message: 'appliesToByChoice noemt alleen soorten uit appliesTo',
    path: ['appliesToByChoice'],
  })
  .refine((p) => p.steps.every((s, i) => s.number === i + 1), {
    message: 'stappen moeten doorlopend genummerd zijn vanaf 1 (ontbrekende stap expliciet opnemen)',
    path: ['steps'],
  })
  .refine((p) => uniqueBy(p.steps, (s) => s.id) && uniqueBy(p.tips, (t) => t.id), {
    message: 'ids van stappen en tips moeten uniek zijn binnen een plan',
  });
export type Plan = z.infer<typeof planSchema>;

export const neverImagesSchema = z.strictObject({
  title: text,
  body: text,
  points: z.array(sourcedTextSchema).min(1),
  source: sourceSchema,
  lastChecked: lastCheckedSchema,
});
export type NeverImages = z.infer<typeof neverImagesSchema>;

/**
 * What to show, per region, for an incident type that has no plan there: the
 * gap is stated plainly and points to what does exist; no other region's plan
 * is borrowed.
 */
export const planGapSchema = z.strictObject({
  region: z.enum(['vlaanderen', 'nederland']),
  text,
  /** Plans of the same region that the gap note points to. */
  planIds: z.array(contentIdSchema),
  /** Entries in verwijzingen.json that the gap note points to. */
  referralIds: z.array(contentIdSchema),
  source: sourceSchema,
  lastChecked: lastCheckedSchema,
});
export type PlanGap = z.infer<typeof planGapSchema>;

export const stappenplanFileSchema = z
  .strictObject({
    contentVersion: contentVersionSchema,
    kind: z.literal('stappenplan'),
    neverImages: neverImagesSchema,
    plans: z.array(planSchema).min(1),
    gaps: z.array(planGapSchema),
  })
  .refine((f) => uniqueBy(f.plans, (p) => p.id), {
    message: 'plan-ids moeten uniek zijn',
    path: ['plans'],
  })
  .refine((f) => uniqueBy(f.gaps, (g) => g.region), { message: 'één gap-notitie per regio', path: ['gaps'] })
  .refine(
    (f) =>
      f.gaps.every((g) =>
        g.planIds.every((id) => f.plans.some((p) => p.id === id && p.region !== otherRegion(g.region))),
      ),
    { message: 'een gap-notitie verwijst alleen naar plannen van de eigen regio', path: ['gaps'] },
  );
export type StappenplanFile = z.infer<typeof stappenplanFileSchema>;

function otherRegion(region: 'vlaanderen' | 'nederland'): 'vlaanderen' | 'nederland' {
  return region === 'vlaanderen' ? 'nederland' : 'vlaanderen';
}

// ---------------------------------------------------------------------------
// vlaggensysteem.json
// ---------------------------------------------------------------------------

export const flagIds = ['groen', 'geel', 'rood', 'zwart'] as const;
export const flagSchema = z.enum(flagIds);
export type Flag = z.infer<typeof flagSchema>;

/** Sensoa 2021 criteria, used in Flanders. */
export const criterion2021Schema = z.enum(criteria2021Ids);
export type Criterion2021Id = z.infer<typeof criterion2021Schema>;

/**
 * Older version (still used in NL). Only the criteria the sources name; the
 * file marks this set as incomplete.
 */
export const criterionOuderNlSchema = z.enum(criteriaOuderNlIds);
export type CriterionOuderNlId = z.infer<typeof criterionOuderNlSchema>;

export const vlaggenVersionIds = ['2021', 'ouder-nl'] as const;
export const vlaggenVersionSchema = z.enum(vlaggenVersionIds);
export type VlaggenVersion = z.infer<typeof vlaggenVersionSchema>;

function criterionSchema<Id extends z.ZodEnum>(idSchema: Id) {
  return z.strictObject({
    id: idSchema,
    label: text,
    /** Only where a source explains the criterion. */
    explanation: sourcedTextSchema.optional(),
    source: sourceSchema,
  });
}

const versionBase = {
  label: text,
  region: regionSchema,
  source: sourceSchema,
  lastChecked: lastCheckedSchema,
};

export const criteriaVersion2021Schema = z
  .strictObject({
    ...versionBase,
    id: z.literal('2021'),
    complete: z.literal(true),
    criteria: z.array(criterionSchema(criterion2021Schema)),
  })
  .refine((v) => v.criteria.map((c) => c.id).join() === criteria2021Ids.join(), {
    message: 'versie 2021 moet precies de zes criteria in vaste volgorde bevatten',
    path: ['criteria'],
  });

export const criteriaVersionOuderNlSchema = z
  .strictObject({
    ...versionBase,
    id: z.literal('ouder-nl'),
    /** false: the sources do not give the full list. */
    complete: z.boolean(),
    gapNote: sourcedTextSchema.optional(),
    criteria: z.array(criterionSchema(criterionOuderNlSchema)).min(1),
  })
  .refine((v) => uniqueBy(v.criteria, (c) => c.id), { message: 'criteria moeten uniek zijn', path: ['criteria'] })
  .refine((v) => v.complete || v.gapNote !== undefined, {
    message: 'een onvolledige versie moet een gapNote hebben',
    path: ['gapNote'],
  });

export const criteriaVersionSchema = z.union([criteriaVersion2021Schema, criteriaVersionOuderNlSchema]);
export type CriteriaVersion = z.infer<typeof criteriaVersionSchema>;

export const flagInfoSchema = z.strictObject({
  id: flagSchema,
  label: text,
  meaning: text,
  source: sourceSchema,
});
export type FlagInfo = z.infer<typeof flagInfoSchema>;

export const vlaggensysteemFileSchema = z
  .strictObject({
    contentVersion: contentVersionSchema,
    kind: z.literal('vlaggensysteem'),
    versions: z.array(criteriaVersionSchema).min(1),
    flags: z.array(flagInfoSchema),
    notASum: sourcedTextSchema,
    alwaysTransgressive: z.array(sourcedTextSchema).min(1),
    /** Baken's own choices around the system (e.g. the answer scale), labelled as such. */
    bakenChoices: z.array(sourcedTextSchema),
    source: sourceSchema,
    lastChecked: lastCheckedSchema,
  })
  .refine((f) => f.flags.map((fl) => fl.id).join() === flagIds.join(), {
    message: 'de vier vlaggen moeten in vaste volgorde staan',
    path: ['flags'],
  })
  .refine((f) => uniqueBy(f.versions, (v) => v.id), { message: 'versies moeten uniek zijn', path: ['versions'] });
export type VlaggensysteemFile = z.infer<typeof vlaggensysteemFileSchema>;

// ---------------------------------------------------------------------------
// verwijzingen.json
// ---------------------------------------------------------------------------

export const topicSchema = z.enum(topicIds);
export type Topic = z.infer<typeof topicSchema>;

export const phoneSchema = z.strictObject({
  /** As written in the source, e.g. "06 - 29 33 80 64". */
  display: text,
  /** For tel: links; digits only (optional leading +). */
  tel: z.string().regex(/^\+?\d{3,15}$/, 'tel mag enkel cijfers bevatten'),
  label: text.optional(),
});
export type Phone = z.infer<typeof phoneSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'tijd moet HH:mm zijn');

export const timeZoneSchema = z.enum(['Europe/Brussels', 'Europe/Amsterdam']);
export type ContentTimeZone = z.infer<typeof timeZoneSchema>;

export const weeklySlotSchema = z
  .strictObject({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.int().min(1).max(7)).min(1),
    from: hhmm,
    to: hhmm,
    label: text.optional(),
  })
  // Slots crossing midnight are not needed by any source; keep the model simple.
  .refine((s) => s.from < s.to, { message: '"from" moet vóór "to" liggen', path: ['to'] })
  .refine((s) => new Set(s.days).size === s.days.length, { message: 'dagen moeten uniek zijn', path: ['days'] });
export type WeeklySlot = z.infer<typeof weeklySlotSchema>;

export const hoursSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('24/7') }),
  z.strictObject({
    kind: z.literal('weekly'),
    timeZone: timeZoneSchema,
    slots: z.array(weeklySlotSchema).min(1),
    note: text.optional(),
  }),
  z.strictObject({ kind: z.literal('unknown'), note: text.optional() }),
]);
export type Hours = z.infer<typeof hoursSchema>;

export const referralEntrySchema = z.strictObject({
  id: contentIdSchema,
  name: text,
  region: regionSchema,
  topics: z.array(topicSchema),
  helpsWith: text,
  forWhom: text,
  phones: z.array(phoneSchema),
  email: z.email().optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
  address: text.optional(),
  hours: hoursSchema,
  free: z.boolean().optional(),
  anonymous: z.boolean().optional(),
  pinned: z.boolean().optional(),
  source: sourceSchema,
  /** Hours and numbers change: the UI shows this as "laatst gecontroleerd". */
  lastChecked: z.iso.date(),
});
export type ReferralEntry = z.infer<typeof referralEntrySchema>;

export const verwijzingenFileSchema = z
  .strictObject({
    contentVersion: contentVersionSchema,
    kind: z.literal('verwijzingen'),
    entries: z.array(referralEntrySchema).min(1),
  })
  .refine((f) => uniqueBy(f.entries, (e) => e.id), { message: 'ids moeten uniek zijn', path: ['entries'] });
export type VerwijzingenFile = z.infer<typeof verwijzingenFileSchema>;

// ---------------------------------------------------------------------------
// begrippen.json
// ---------------------------------------------------------------------------

export const termSchema = z.strictObject({
  id: contentIdSchema,
  term: text,
  definition: text,
  /** true: verbatim from the source, so source wording (e.g. "slachtoffer") may stay. */
  quote: z.boolean(),
  /** The incident type this term defines, if any. */
  incidentType: incidentTypeSchema.optional(),
  /** Set when the definition holds in one region only (e.g. seed 004's Belgian noodtoestand). */
  region: regionSchema.optional(),
  source: sourceSchema,
  lastChecked: lastCheckedSchema,
});
export type Term = z.infer<typeof termSchema>;

export const groomingPhaseSchema = z.strictObject({
  id: contentIdSchema,
  number: z.int().min(1),
  label: text,
  quote: z.boolean(),
  source: sourceSchema,
});
export type GroomingPhase = z.infer<typeof groomingPhaseSchema>;

export const begrippenFileSchema = z
  .strictObject({
    contentVersion: contentVersionSchema,
    kind: z.literal('begrippen'),
    terms: z.array(termSchema).min(1),
    groomingPhases: z.strictObject({
      title: text,
      /** Phases are observations, not a strict sequence. */
      note: sourcedTextSchema,
      phases: z.array(groomingPhaseSchema).min(1),
      source: sourceSchema,
      lastChecked: lastCheckedSchema,
    }),
  })
  .refine((f) => uniqueBy(f.terms, (t) => t.id), { message: 'ids moeten uniek zijn', path: ['terms'] })
  .refine((f) => uniqueBy(f.groomingPhases.phases, (p) => p.id), {
    message: 'fase-ids moeten uniek zijn',
    path: ['groomingPhases', 'phases'],
  });
export type BegrippenFile = z.infer<typeof begrippenFileSchema>;

// ---------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------

/** Every file in public/content/ and the schema that validates it. */
export const contentFiles = {
  'stappenplan.json': stappenplanFileSchema,
  'vlaggensysteem.json': vlaggensysteemFileSchema,
  'verwijzingen.json': verwijzingenFileSchema,
  'begrippen.json': begrippenFileSchema,
  'wetgeving.json': legalFrameFileSchema,
  'gesprek.json': conversationFileSchema,
  'praktijkvragen.json': practiceFileSchema,
} as const satisfies Record<string, z.ZodType>;
export type ContentFileName = keyof typeof contentFiles;
