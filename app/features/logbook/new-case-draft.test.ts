// The new incident form's draft: what is worth keeping, and what comes back.
import { describe, expect, it } from 'vitest';

import { todayIso } from '../../ui/dates';
import { fromDraft, toDraft } from './new-case-view';

describe('the new incident draft', () => {
  it('keeps nothing for an untouched form, today’s date and the device’s Rechtsgebied alone', () => {
    const fields = toDraft(fromDraft(null, 'vlaanderen'), 'vlaanderen');
    expect(Object.values(fields).every((value) => value.trim() === '')).toBe(true);
  });

  it('keeps the day "Bekend sinds" showed while typing, so a restore on a later day does not move it', () => {
    const typed = { ...fromDraft(null, 'vlaanderen'), description: 'De foto ging rond.' };
    const fields = toDraft(typed, 'vlaanderen');
    expect(fields.knownOn).toBe(todayIso());
    // Restored on another day, the date is the one that was kept, not the day of the restore.
    expect(fromDraft({ ...fields, knownOn: '2026-12-05' }, 'vlaanderen').knownOn).toBe('2026-12-05');
  });
});
