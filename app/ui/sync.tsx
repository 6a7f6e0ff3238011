// The account fields both ways of setting up sync ask for (settings "connect
// this device", lock screen "join another device"): account, password, the
// database name (proposed from the account) and this device's name. Loaded
// only with the sync chunks.
import { useState, type ReactNode } from 'react';
import { syncDbNameSchema } from '../../schema/sync-config';
import { defaultSyncDbName } from '../data/sync/config';
import { sync as t } from '../i18n/nl/sync';
import { TextField } from './field';
import { imageDataError } from './image-data-error';

export interface SyncAccountValues {
  account: string;
  password: string;
  db: string;
  deviceName: string;
}

// HTTP Basic authentication splits the credentials at the first colon (CouchDB too), so an account
// name with one can never sign in: said at once, before any request.
const hasColon = (account: string): boolean => account.includes(':');
// A database name the server would refuse (CouchDB's rule, narrowed to what Baken uses): said at once.
const badDb = (db: string): boolean => db.trim() !== '' && !syncDbNameSchema.safeParse(db.trim()).success;

/**
 * The fields' state: `fields` goes to SyncAccountFields, `complete` says the
 * server's required fields are filled in (the database name has a default),
 * `input()` is what the form sends: trimmed account, the proposed database
 * unless one is given, a default device name.
 */
export function useSyncAccount() {
  const [values, setValues] = useState<SyncAccountValues>({ account: '', password: '', db: '', deviceName: '' });
  return {
    fields: { values, onChange: setValues },
    complete:
      values.account.trim() !== '' &&
      !hasColon(values.account) &&
      values.password !== '' &&
      !badDb(values.db) &&
      imageDataError(values.deviceName) === null,
    input: () => ({
      account: values.account.trim(),
      password: values.password,
      db: values.db.trim() || defaultSyncDbName(values.account),
      deviceName: values.deviceName.trim() || t.defaultDeviceName,
    }),
  };
}

/** A server refusal that is about one of these fields: shown there (marked, described, focused). */
export interface SyncRefusal {
  field: 'password' | 'db';
  text: string;
}

/**
 * Which field a sync error code is about: a refused sign-in is the password's (the account
 * name is the other half, the text says so), a database that does not exist or may not be
 * read is the database name's. Anything else (offline, server errors) is the form's.
 */
export function syncRefusal(code: string | null, text: string | null): SyncRefusal | null {
  if (text === null) return null;
  if (code === 'sync.unauthorized') return { field: 'password', text };
  if (code === 'sync.notFound' || code === 'sync.forbidden') return { field: 'db', text };
  return null;
}

/** The four fields; `children` (e.g. the pairing code) stand before the device name. */
export function SyncAccountFields({
  values,
  onChange,
  busy,
  showErrors,
  refused,
  children,
}: {
  values: SyncAccountValues;
  onChange: (values: SyncAccountValues) => void;
  busy: boolean;
  /** After a refused submit: the required fields left empty say so. */
  showErrors: boolean;
  /** The server's refusal of the last attempt, when it is about one of these fields (syncRefusal). */
  refused?: SyncRefusal | null | undefined;
  children?: ReactNode;
}) {
  const set = (field: keyof SyncAccountValues) => (event: { target: { value: string } }) =>
    onChange({ ...values, [field]: event.target.value });
  return (
    <>
      <TextField
        label={t.account}
        autoComplete="username"
        value={values.account}
        disabled={busy}
        required
        error={hasColon(values.account) ? t.accountColon : showErrors && !values.account.trim() ? t.required : null}
        onChange={set('account')}
      />
      <TextField
        label={t.password}
        type="password"
        autoComplete="current-password"
        value={values.password}
        disabled={busy}
        required
        error={showErrors && !values.password ? t.required : refused?.field === 'password' ? refused.text : null}
        onChange={set('password')}
      />
      <TextField
        label={t.db}
        hint={t.dbHint(defaultSyncDbName(values.account || 'account'))}
        autoComplete="off"
        spellCheck={false}
        value={values.db}
        disabled={busy}
        error={badDb(values.db) ? t.dbInvalid : refused?.field === 'db' ? refused.text : null}
        onChange={set('db')}
      />
      {children}
      <TextField
        label={t.deviceName}
        hint={t.deviceNameHint}
        autoComplete="off"
        value={values.deviceName}
        disabled={busy}
        maxLength={80}
        error={imageDataError(values.deviceName)}
        onChange={set('deviceName')}
      />
    </>
  );
}
