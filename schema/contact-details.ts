// Phone numbers and e-mail addresses typed into free text are a person's information too (DOMAIN.md,
// "Whose information"), but Baken cannot tell whose: the summary's review step warns when its text holds
// one, so the worker checks it before sharing. Pure; a warning only, nothing is changed or left out.

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
// A Belgian or Dutch number as people write it: "0471 23 45 67", "0471/23.45.67", "+32 471 23 45 67",
// "09 123 45 67": a leading 0 or + country code, then 8 to 11 more digits with single separators.
const PHONE = /(?<![\p{L}\p{N}])(?:\+\d{2}[\s.-]?|00\d{2}[\s.-]?|0)\d(?:[\s./-]?\d){7,10}(?![\p{N}])/u;
// Dates and times are not phone numbers: "05/12/2026 16:00" is taken out first.
const DATE_TIME =
  /(?<!\d)(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})(?!\d)(?:,?\s+(?:om\s+)?\d{1,2}[:.u]\d{2})?/gu;

/** Whether `text` holds something that looks like a phone number or an e-mail address. */
export function hasContactDetails(text: string): boolean {
  if (EMAIL.test(text)) return true;
  return PHONE.test(text.replace(DATE_TIME, ' '));
}
