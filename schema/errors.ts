// Stable error codes for schema validation. `schema/` may not import the app's
// Dutch catalogue, so every issue carries a code (as its message and as
// `params.code`); the UI translates the code. `errorTextNl` is a fallback.

export const textErrors = {
  required: 'text.required',
  tooShort: 'text.tooShort',
  tooLong: 'text.tooLong',
  imageData: 'text.imageData',
} as const;

export const fieldErrors = {
  invalidDate: 'field.invalidDate',
  invalidTimestamp: 'field.invalidTimestamp',
  invalidId: 'field.invalidId',
  invalidReference: 'field.invalidReference',
  duplicate: 'field.duplicate',
  emptyList: 'field.emptyList',
} as const;

export const recordErrors = {
  reasonRequired: 'note.reasonRequired',
  supersedesSelf: 'note.supersedesSelf',
  withdrawnBeforeGiven: 'consent.withdrawnBeforeGiven',
} as const;

type ValueOf<T> = T[keyof T];
export type TextErrorCode = ValueOf<typeof textErrors>;
export type FieldErrorCode = ValueOf<typeof fieldErrors>;
export type RecordErrorCode = ValueOf<typeof recordErrors>;
export type SchemaErrorCode = TextErrorCode | FieldErrorCode | RecordErrorCode;

/** Dutch fallback texts; the UI catalogue may override them. */
export const errorTextNl: Record<SchemaErrorCode, string> = {
  'text.required': 'Vul dit veld in.',
  'text.tooShort': 'Deze tekst is te kort.',
  'text.tooLong': 'Deze tekst is te lang. Houd het kort en zakelijk.',
  'text.imageData':
    'Baken bewaart nooit beelden, ook niet als tekst of link met beeldgegevens. ' +
    'Seksueel beeldmateriaal van minderjarigen bekijken, bewaren of doorsturen is zelf strafbaar, ' +
    'ook voor een hulpverlener. Vraag daarom naar namen en feiten, niet naar beelden: wie is ' +
    'betrokken en op welke school? Bewijs blijft bij de jongere of bij de politie.',
  'field.invalidDate': 'Geef een geldige datum.',
  'field.invalidTimestamp': 'Geef een geldig tijdstip.',
  'field.invalidId': 'Deze verwijzing is ongeldig.',
  'field.invalidReference': 'Gebruik een dossiernummer zoals 2026-014.',
  'field.duplicate': 'Deze keuze staat er al in.',
  'field.emptyList': 'Kies minstens één mogelijkheid.',
  'note.reasonRequired': 'Schrijf kort waarom je deze notitie vervangt.',
  'note.supersedesSelf': 'Een notitie kan zichzelf niet vervangen.',
  'consent.withdrawnBeforeGiven': 'De intrekking ligt vóór de datum van de toestemming.',
};

/** True when `code` is one of the schema codes above (for UI lookups). */
export function isSchemaErrorCode(code: string): code is SchemaErrorCode {
  return Object.hasOwn(errorTextNl, code);
}
