// The intake fields of a case (new incident and "Feiten aanpassen"): date it
// became known, how, type(s), school(s), the case's Rechtsgebied (a new case
// starts from the device's setting) and a short factual description.
import {
  caseFieldsSchema,
  caseTypeSchema,
  knownViaSchema,
  type CaseType,
  type KnownVia,
} from '../../../schema/records/case';
import { useEffect, useRef, useState } from 'react';
import { nl } from '../../i18n/catalogue';
import { jurisdictionSchema, type Jurisdiction } from '../../../schema/settings';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextAreaField, TextField } from '../../ui/field';
import { useLinkWarnings } from '../../ui/link-warning';
import { latestTodayIso } from '../../ui/dates';
import { imageDataError, type FieldErrors } from '../../ui/form-errors';
import type { OperationForm } from '../../ui/use-operation-form';
import { KNOWN_ON_MAX_YEARS_BACK } from '../../../schema/follow-up';
import { DEFAULT_TEXT_MAX } from '../../../schema/safe-text';
import { notInFuture, notLongAgo, optionsOf, yearsBackIso } from './form-values';

const t = nl.logbook;
const knownViaOptions = optionsOf(knownViaSchema.options, t.knownViaOptions);
/** How a case says how it became known: in the Netherlands there is no CLB (a Dutch care team's review). */
export function knownViaLabel(knownVia: KnownVia, jurisdiction: Jurisdiction): string {
  return jurisdiction === 'nederland' && knownVia === 'ander-clb-of-school'
    ? t.knownViaOtherSchoolNl
    : t.knownViaOptions[knownVia];
}
// A case in the Netherlands: no Child Focus either, though a stored one stays shown while chosen.
const knownViaOptionsNl = (chosen: KnownVia | '') =>
  knownViaOptions
    .filter((o) => o.value !== 'child-focus' || chosen === 'child-focus')
    .map((o) => ({ ...o, label: knownViaLabel(o.value, 'nederland') }));
const typeOptions = optionsOf(caseTypeSchema.options, t.typeLabels);
const jurisdictionOptions = optionsOf(jurisdictionSchema.options, t.facts.jurisdictions);

export const caseFieldNames = ['knownOn', 'knownVia', 'types', 'schools', 'description', 'jurisdiction'] as const;

export interface CaseValues {
  knownOn: string;
  knownVia: KnownVia | '';
  types: CaseType[];
  schools: string[];
  description: string;
  /** The case's Rechtsgebied (a new case starts from the device's setting). */
  jurisdiction: Jurisdiction;
}

/**
 * Rules of the form beyond the record schema: not known in the future, not a slip of the year (a
 * changed date only: `storedKnownOn` is the case's own, kept as it is), and a description (stored
 * records may lack one).
 */
export function checkCaseValues(values: CaseValues, storedKnownOn?: string): FieldErrors {
  const errors: FieldErrors = {};
  Object.assign(errors, notInFuture('knownOn', values.knownOn));
  if (values.knownOn !== storedKnownOn)
    Object.assign(errors, notLongAgo('knownOn', values.knownOn, KNOWN_ON_MAX_YEARS_BACK));
  if (values.description.trim() === '') errors.description = t.errors.required;
  return errors;
}

/** The case form as the hook runs it: parsed by caseFieldsSchema (schools trimmed, blank ones dropped). */
export function caseFormOptions(links?: CaseLinks, storedKnownOn?: string) {
  return {
    schema: caseFieldsSchema,
    check: (values: CaseValues) => ({
      ...checkCaseValues(values, storedKnownOn),
      ...links?.check({ description: values.description, ...schoolFields(values.schools) }),
    }),
    fields: caseFieldNames,
    liveImageCheck: ['description'] as const,
  };
}

/** What the data operations receive: the parsed fields with the description trimmed. */
export function caseInput<I extends { description: string }>(input: I): I {
  return { ...input, description: input.description.trim() };
}

/** A school field's name in the form's errors and link warnings. */
type SchoolKey = `schools.${number}`;
const MAX_SCHOOLS = 20;
const schoolLinkRules = Object.fromEntries(
  Array.from({ length: MAX_SCHOOLS }, (_, i) => [`schools.${i}`, 'noLinks'] as const),
) as Record<SchoolKey, 'noLinks'>;

function schoolFields(schools: readonly string[]): Record<SchoolKey, string> {
  return Object.fromEntries(schools.map((school, i) => [`schools.${i}`, school])) as Record<SchoolKey, string>;
}

/**
 * The link warnings (issue 16): links to images in the description, and any link in a school's name (as
 * a betrokkene's school: a security review saved "https://example.com/foto.jpg" as the school, and the
 * summary shared it), need removing or confirming.
 */
export type CaseLinks = ReturnType<typeof useLinkWarnings<'description' | SchoolKey>>;

export function useCaseLinks(): CaseLinks {
  return useLinkWarnings<'description' | SchoolKey>({ description: 'images', ...schoolLinkRules });
}

interface CaseFieldsProps {
  form: OperationForm<CaseValues>;
  links?: CaseLinks;
  /** Distinguishes radio groups when two forms could be on one page. */
  idPrefix: string;
  /** The case's stored "bekend sinds" (editing): offered as it is, even when older than the bound. */
  storedKnownOn?: string;
}

export function CaseFields({ form, idPrefix, links, storedKnownOn }: CaseFieldsProps) {
  const { values, error } = form;
  const onChange = form.patch;
  const schoolsRef = useRef<HTMLFieldSetElement>(null);
  // After "Nog een school" focus goes to the new field; after removing one, to the field before it (or the first).
  const [focusSchool, setFocusSchool] = useState<number | null>(null);
  useEffect(() => {
    if (focusSchool === null) return;
    schoolsRef.current?.querySelectorAll('input')[focusSchool]?.focus();
    setFocusSchool(null);
  }, [focusSchool]);
  function changeSchool(index: number, value: string) {
    form.setFieldError(`schools.${index}`, imageDataError(value));
    onChange({ schools: values.schools.map((school, i) => (i === index ? value : school)) });
  }

  return (
    <>
      <TextField
        label={t.knownOn}
        type="date"
        min={
          storedKnownOn !== undefined && storedKnownOn < yearsBackIso(KNOWN_ON_MAX_YEARS_BACK)
            ? storedKnownOn
            : yearsBackIso(KNOWN_ON_MAX_YEARS_BACK)
        }
        max={latestTodayIso()}
        required
        {...form.text('knownOn')}
      />
      <RadioGroup
        legend={t.knownVia}
        name={`${idPrefix}-knownVia`}
        options={values.jurisdiction === 'nederland' ? knownViaOptionsNl(values.knownVia) : knownViaOptions}
        {...form.choice('knownVia')}
      />
      {/* Ticking order is kept: the first type is the case's main one (the auditor counts each case under it). */}
      <CheckboxGroup
        legend={t.types}
        hint={t.typesHint}
        options={typeOptions}
        inline
        order="chosen"
        {...form.choice('types')}
      />
      <RadioGroup
        legend={t.facts.jurisdictionLegend}
        hint={storedKnownOn === undefined ? t.facts.jurisdictionHintNew : t.facts.jurisdictionHint}
        name={`${idPrefix}-jurisdiction`}
        options={jurisdictionOptions}
        value={values.jurisdiction}
        error={error('jurisdiction')}
        onChange={(jurisdiction) => onChange({ jurisdiction })}
      />
      <fieldset ref={schoolsRef} className="field choice-group">
        <legend className="field__label">{t.schools}</legend>
        {values.schools.map((school, i) => (
          <div key={i} className="school-row">
            <TextField
              label={t.school(i + 1)}
              value={school}
              maxLength={120}
              autoComplete="off"
              error={error(`schools.${i}`)}
              onChange={(event) => changeSchool(i, event.target.value)}
            />
            {links?.notice(`schools.${i}`, school, t.school(i + 1))}
            {values.schools.length > 1 ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  onChange({ schools: values.schools.filter((_, j) => j !== i) });
                  setFocusSchool(Math.max(0, i - 1));
                }}
              >
                {t.removeSchool(i + 1)}
              </button>
            ) : null}
          </div>
        ))}
        {values.schools.length < MAX_SCHOOLS ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              onChange({ schools: [...values.schools, ''] });
              setFocusSchool(values.schools.length);
            }}
          >
            {t.addSchool}
          </button>
        ) : null}
      </fieldset>
      <TextAreaField
        label={t.description}
        hint={[
          t.descriptionHint,
          values.description.length >= DEFAULT_TEXT_MAX * 0.9 && values.description.length < DEFAULT_TEXT_MAX
            ? t.notes.charactersLeft(DEFAULT_TEXT_MAX - values.description.length, DEFAULT_TEXT_MAX)
            : undefined,
        ]
          .filter(Boolean)
          .join(' ')}
        maxLength={DEFAULT_TEXT_MAX}
        noticeWhenFull={false}
        required
        {...form.text('description')}
      />
      {values.description.length >= DEFAULT_TEXT_MAX ? (
        // A paste longer than the room is cut by the field: said at once, not after saving.
        <p role="alert" className="field__error">
          {t.descriptionAtMaximum(DEFAULT_TEXT_MAX)}
        </p>
      ) : null}
      {links?.notice('description', values.description, t.description)}
    </>
  );
}
