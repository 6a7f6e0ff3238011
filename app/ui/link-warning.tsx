// Warns about links to images in a form's text fields (issue 16; the rule is
// schema/image-links.ts). The worker removes the link, or ticks "Dit is geen
// beeld"; until then the form's `check` holds the save back. A confirmation
// holds for the links it was given for: a new link asks again.
import { useState } from 'react';
import { linksToWarnAbout, type LinkFinding } from '../../schema/image-links';
import { nl } from '../i18n/catalogue';
import type { FieldErrors } from './form-errors';

const t = nl.casePage.links;

/** Per field: 'images' warns about image links (free text), 'noLinks' about any link. */
export type LinkRules<K extends string> = Partial<Record<K, 'images' | 'noLinks'>>;

const keyOf = (findings: readonly LinkFinding[]) => findings.map((f) => f.url).join('\n');

export function useLinkWarnings<K extends string>(rules: LinkRules<K>) {
  const [confirmed, setConfirmed] = useState<Partial<Record<K, string>>>({});

  function findings(name: K, value: string): LinkFinding[] {
    const rule = rules[name];
    return rule ? linksToWarnAbout(value, { noLinks: rule === 'noLinks' }) : [];
  }

  function isOpen(name: K, value: string): boolean {
    const found = findings(name, value);
    return found.length > 0 && confirmed[name] !== keyOf(found);
  }

  /** For the form's `check`: an error on every field with a link not yet confirmed. */
  function check(values: Partial<Record<K, unknown>>): FieldErrors {
    const errors: FieldErrors = {};
    for (const name of Object.keys(rules) as K[]) {
      const value = values[name];
      if (typeof value === 'string' && isOpen(name, value)) errors[name] = t.error;
    }
    return errors;
  }

  /**
   * The warning under a field, with its "Dit is geen beeld" checkbox, in a live region that stays while
   * empty (one inserted with its text already in it is often not read). The region itself has no role,
   * so while empty it is no second "status" beside a section's saved message; the warning is one.
   */
  function notice(name: K, value: string, fieldLabel: string) {
    const found = findings(name, value);
    return <div aria-live="polite">{found.length > 0 ? warning(name, found, fieldLabel) : null}</div>;
  }

  function warning(name: K, found: LinkFinding[], fieldLabel: string) {
    const key = keyOf(found);
    const image = found.some((f) => f.kind === 'image');
    return (
      <div className="callout callout--warning link-warning" role="status">
        <p>
          <strong>{image ? t.imageTitle : t.linkTitle}</strong>{' '}
          {image ? (rules[name] === 'noLinks' ? t.imageNoLinks : t.image) : t.link}
        </p>
        <ul>
          {found.map((f) => (
            <li key={f.url} className="link-warning__url">
              {t.found(f.url)}
            </li>
          ))}
        </ul>
        <label className="checkbox">
          <input
            type="checkbox"
            autoComplete="off"
            checked={confirmed[name] === key}
            aria-label={t.confirmLabel(fieldLabel)}
            onChange={(event) => setConfirmed((c) => ({ ...c, [name]: event.target.checked ? key : undefined }))}
          />
          <span>{t.confirm}</span>
        </label>
      </div>
    );
  }

  return { check, notice };
}
