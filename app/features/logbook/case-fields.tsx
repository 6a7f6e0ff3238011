// The intake fields of a case (new incident and "Feiten aanpassen"): date it
// became known, how, type(s), school(s) and a short factual description.
import { caseTypeSchema, knownViaSchema, type CaseType, type KnownVia } from '../../../schema/records/case';
import { nl } from '../../i18n/catalogue';
import { CheckboxGroup, RadioGroup } from '../../ui/choice-group';
import { TextAreaField, TextField } from '../../ui/field';
import { isIsoDate, todayIso } from '../../ui/dates';
import { imageDataError, requiredText, type FieldErrors } from '../../ui/form-errors';

const t = nl.logbook;
const knownViaOptions = knownViaSchema.options.map((value) => ({ value, label: t.knownViaOptions[value] }));
const typeOptions = caseTypeSchema.options.map((value) => ({ value, label: t.typeLabels[value] }));

export const caseFieldNames = ['knownOn', 'knownVia', 'types', 'schools', 'description'] as const;

export interface CaseValues {
  knownOn: string;
  knownVia: KnownVia | '';
  types: CaseType[];
  schools: string[];
  description: string;
}

export function validateCaseValues(values: CaseValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!isIsoDate(values.knownOn) || values.knownOn > todayIso()) errors.knownOn = t.errors.invalidDate;
  if (values.knownVia === '') errors.knownVia = t.errors.choose;
  if (values.types.length === 0) errors.types = t.errors.chooseOne;
  values.schools.forEach((school, i) => {
    const problem = imageDataError(school);
    if (problem) errors[`schools.${i}`] = problem;
  });
  const description = requiredText(values.description);
  if (description) errors.description = description;
  return errors;
}

/** Trimmed, blank schools dropped: what the data operations receive. */
export function caseInput(values: CaseValues & { knownVia: KnownVia }) {
  return {
    knownOn: values.knownOn,
    knownVia: values.knownVia,
    types: values.types,
    schools: values.schools.map((school) => school.trim()).filter((school) => school !== ''),
    description: values.description.trim(),
  };
}

interface CaseFieldsProps {
  values: CaseValues;
  onChange: (patch: Partial<CaseValues>) => void;
  error: (name: string) => string | null;
  setFieldError: (name: string, message: string | null) => void;
  /** Distinguishes radio groups when two forms could be on one page. */
  idPrefix: string;
}

export function CaseFields({ values, onChange, error, setFieldError, idPrefix }: CaseFieldsProps) {
  function changeSchool(index: number, value: string) {
    setFieldError(`schools.${index}`, imageDataError(value));
    onChange({ schools: values.schools.map((school, i) => (i === index ? value : school)) });
  }

  return (
    <>
      <TextField
        label={t.knownOn}
        type="date"
        value={values.knownOn}
        max={todayIso()}
        required
        error={error('knownOn')}
        onChange={(event) => onChange({ knownOn: event.target.value })}
      />
      <RadioGroup
        legend={t.knownVia}
        name={`${idPrefix}-knownVia`}
        options={knownViaOptions}
        value={values.knownVia}
        error={error('knownVia')}
        onChange={(knownVia) => onChange({ knownVia })}
      />
      <CheckboxGroup
        legend={t.types}
        hint={t.typesHint}
        options={typeOptions}
        value={values.types}
        error={error('types')}
        inline
        onChange={(types) => onChange({ types })}
      />
      <fieldset className="field choice-group">
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
            {values.schools.length > 1 ? (
              <button
                type="button"
                className="button"
                onClick={() => onChange({ schools: values.schools.filter((_, j) => j !== i) })}
              >
                {t.removeSchool(i + 1)}
              </button>
            ) : null}
          </div>
        ))}
        {values.schools.length < 20 ? (
          <button type="button" className="button" onClick={() => onChange({ schools: [...values.schools, ''] })}>
            {t.addSchool}
          </button>
        ) : null}
      </fieldset>
      <TextAreaField
        label={t.description}
        hint={t.descriptionHint}
        value={values.description}
        required
        error={error('description')}
        onChange={(event) => {
          setFieldError('description', imageDataError(event.target.value));
          onChange({ description: event.target.value });
        }}
      />
    </>
  );
}
