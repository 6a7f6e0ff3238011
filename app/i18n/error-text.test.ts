import { describe, expect, it } from 'vitest';

import { BackupError } from '../data/backup';
import {
  InvalidRecordError,
  RecordNotFoundError,
  StorageFullError,
  ThrottledError,
  VaultLockedError,
  WrongPassphraseError,
} from '../data/errors';
import { nl } from './catalogue';
import { codeText, errorText } from './error-text';

describe('errorText', () => {
  it('gives the Dutch text of a data, vault or backup error by its code', () => {
    expect(errorText(new StorageFullError())).toBe(nl.dataErrors['storage.full']);
    expect(errorText(new VaultLockedError())).toBe('Baken is vergrendeld. Ontgrendel en probeer opnieuw.');
    expect(errorText(new RecordNotFoundError('x'))).toBe(nl.dataErrors['record.notFound']);
    expect(errorText(new WrongPassphraseError())).toBe(nl.lock.wrongPassphrase);
    expect(errorText(new BackupError('backup.notEmpty'))).toBe(
      'Terugzetten kan alleen in een leeg logboek, en in dit logboek staan al gegevens. Kies "Samenvoegen met dit logboek". Er is niets gewijzigd.',
    );
  });

  it('gives the text of the first schema code of an invalid record', () => {
    const error = new InvalidRecordError('x', [
      { path: ['reason'], message: 'text.required' },
      { path: ['to'], message: 'followup.dueInPast' },
    ]);
    expect(errorText(error)).toBe(nl.errors['text.required']);
    expect(errorText(new InvalidRecordError('x', [{ path: ['a'], message: 'Invalid input' }]))).toBe(
      nl.dataErrors['record.invalid'],
    );
  });

  it('says how many seconds to wait after too many attempts', () => {
    const now = Date.parse('2026-03-12T09:00:00.000Z');
    expect(errorText(new ThrottledError(new Date(now + 29_500)), now)).toBe(nl.lock.throttled(30));
  });

  it('never shows an unknown code or an English message', () => {
    expect(errorText(new Error('Something broke'))).toBe(
      'Er ging iets mis. Er is niets gewijzigd. Probeer het opnieuw.',
    );
    expect(errorText({ code: 'something.unknown' })).toBe(codeText('something.unknown'));
    expect(codeText('something.unknown')).toBe('Er ging iets mis. Er is niets gewijzigd. Probeer het opnieuw.');
    expect(codeText('case.closed')).toBe(nl.errors['case.closed']);
  });

  it('has a non-empty text for every code in the table', () => {
    const blank = Object.entries(nl.dataErrors).filter(([, text]) => text.trim() === '');
    expect(blank).toEqual([]);
    // 30 since issue 18 added backup.futureDated.
    expect(Object.keys(nl.dataErrors)).toHaveLength(30);
  });
});
