// Phone numbers and e-mail addresses typed into free text are a person's information too (DOMAIN.md,
// "Whose information"), but Baken cannot tell whose, and no consent category covers them: a summary
// leaves them out (withoutContactDetails), and its review step warns about anything still alike
// (hasContactDetails). Pure.

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

/**
 * `text` with every e-mail address and phone number replaced by `email` or `phone` (whole: an address
 * that holds a name is never half replaced). Dates and times are kept as written.
 */
export function withoutContactDetails(text: string, email: string, phone: string): string {
  const mails = new RegExp(EMAIL.source, 'gu');
  const phones = new RegExp(PHONE.source, 'gu');
  const noMail = text.replace(mails, email);
  // Dates and times are kept: the phone pattern runs on the parts between them only.
  let out = '';
  let from = 0;
  for (const date of noMail.matchAll(new RegExp(DATE_TIME.source, 'gu'))) {
    out += noMail.slice(from, date.index).replace(phones, phone) + date[0];
    from = date.index + date[0].length;
  }
  return out + noMail.slice(from).replace(phones, phone);
}
