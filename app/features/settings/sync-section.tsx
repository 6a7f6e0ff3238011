// "Synchronisatie" (issue 20): connect this device to the worker's CouchDB
// database, the sync status (helper F's <SyncStatus>), pairing a second
// device with a one-time code, the device list and removing a device.
// Loaded lazily by the settings screen; the data side is app/data/sync/.
import { lazy, Suspense, useCallback, useEffect, useId, useState, type ComponentType, type FormEvent } from 'react';
import { clearSyncConfig, loadSyncConfig, newDeviceId, saveSyncConfig, type SyncConfig } from '../../data/sync/config';
import {
  changeAccountPassword,
  checkDeviceStatus,
  listDevices,
  registerDevice,
  removeDevice,
  wasRemovedThisSession,
  type DeviceEntry,
} from '../../data/sync/devices';
import { cancelPairing, createPairing, type PairingOffer } from '../../data/sync/pairing';
import { checkAccess } from '../../data/sync/remote';
import { startReplication, stopReplication } from '../../data/sync/runtime';
// The sync strings are their own module (not in the catalogue object), so they load with the sync chunk.
import { sync } from '../../i18n/nl/sync';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextField } from '../../ui/field';
import { OneTimeCode } from '../../ui/one-time-code';
import { SyncAccountFields, useSyncAccount } from '../../ui/sync';
import { syncErrorText } from './sync-errors';

const t = sync;
const dateTime = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat('nl-BE', { timeStyle: 'short' });

// Helper F's status line, when present in this build (lazy, its own chunk).
const statusModules = import.meta.glob<{ SyncStatus: ComponentType }>('../../ui/sync-status.tsx');
const loadStatus = statusModules['../../ui/sync-status.tsx'];
const SyncStatusLine = loadStatus ? lazy(() => loadStatus().then((m) => ({ default: m.SyncStatus }))) : null;

function StatusSlot() {
  return SyncStatusLine ? (
    <Suspense fallback={<p>{t.statusPending}</p>}>
      <SyncStatusLine />
    </Suspense>
  ) : (
    <p>{t.statusPending}</p>
  );
}

function ConnectForm({ onConnected }: { onConnected: (config: SyncConfig) => void }) {
  const headingId = useId();
  const account = useSyncAccount();
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!account.complete) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const config: SyncConfig = { ...account.input(), deviceId: newDeviceId() };
      await checkAccess(config);
      await saveSyncConfig(config);
      await registerDevice(config);
      await startReplication(config);
      onConnected(config);
    } catch (caught) {
      setError(syncErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card settings-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId}>{t.connectTitle}</h3>
      <p>{t.connectIntro}</p>
      <SyncAccountFields {...account.fields} busy={busy} showErrors={missing} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.connecting : t.connect}
        </button>
      </div>
      <p role="alert" className="settings-status">
        {error ?? ''}
      </p>
    </form>
  );
}

function PairPanel({ config }: { config: SyncConfig }) {
  const headingId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [offer, setOffer] = useState<PairingOffer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  // The offer is withdrawn from the server when it expires or the panel closes.
  useEffect(() => {
    if (!offer) return;
    const wait = Math.max(0, offer.expiresAt.getTime() - Date.now());
    const timer = window.setTimeout(() => {
      void cancelPairing(config, offer.docId);
      setOffer(null);
      setNotice(t.pairExpired);
    }, wait);
    return () => window.clearTimeout(timer);
  }, [offer, config]);
  useEffect(
    () => () => {
      if (offer) void cancelPairing(config, offer.docId);
    },
    [offer, config],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      setOffer(await createPairing(config, passphrase));
      setPassphrase('');
    } catch (caught) {
      setError(syncErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card settings-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.pairTitle}</h3>
      <p>{t.pairIntro}</p>
      {offer ? (
        <OneTimeCode
          label={t.pairCode}
          code={offer.code}
          expiry={t.pairExpires(timeOnly.format(offer.expiresAt))}
          copyLabel={t.pairCopy}
          onCopied={(copied) => setNotice(copied ? t.pairCopied : '')}
        >
          <button
            type="button"
            className="button"
            onClick={() => {
              void cancelPairing(config, offer.docId);
              setOffer(null);
            }}
          >
            {t.pairCancel}
          </button>
        </OneTimeCode>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t.pairPassphrase}
            type="password"
            autoComplete="off"
            value={passphrase}
            disabled={busy}
            required
            onChange={(e) => setPassphrase(e.target.value)}
            error={error}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy || passphrase === ''}>
              {busy ? t.pairBusy : t.pairCreate}
            </button>
          </div>
        </form>
      )}
      <p role="status" className="settings-status">
        {notice}
      </p>
    </section>
  );
}

function DevicesPanel({ config }: { config: SyncConfig }) {
  const headingId = useId();
  const [devices, setDevices] = useState<DeviceEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [removing, setRemoving] = useState<DeviceEntry | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    setError(null);
    try {
      setDevices(await listDevices(config));
    } catch (caught) {
      setError(syncErrorText(caught));
    }
  }, [config]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function confirmRemove() {
    if (!removing) return;
    setBusy(true);
    try {
      await removeDevice(config, removing.id);
      setNotice(t.removed(removing.name));
      setRemoving(null);
      await refresh();
    } catch (caught) {
      setError(syncErrorText(caught));
      setRemoving(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card settings-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.devicesTitle}</h3>
      <p>{t.devicesIntro}</p>
      {devices === null && !error ? <p>{t.devicesLoading}</p> : null}
      {devices && devices.length === 0 ? <p>{t.devicesEmpty}</p> : null}
      {devices && devices.length > 0 ? (
        <ul className="sync-devices">
          {devices.map((device) => (
            <li key={device.id}>
              <strong>{device.name}</strong>
              {device.id === config.deviceId ? ` (${t.thisDevice})` : ''}:{' '}
              {device.removedAt
                ? t.removedOn(dateTime.format(new Date(device.removedAt)))
                : t.addedOn(dateTime.format(new Date(device.addedAt)))}
              {!device.removedAt && device.id !== config.deviceId ? (
                <>
                  {' '}
                  <button type="button" className="button button--small" onClick={() => setRemoving(device)}>
                    {t.remove(device.name)}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void refresh()}>
          {t.refresh}
        </button>
      </div>
      <p role="alert" className="settings-status">
        {error ?? ''}
      </p>
      <p role="status" className="settings-status">
        {notice}
      </p>
      <ConfirmDialog
        open={removing !== null}
        title={t.removeTitle(removing?.name ?? '')}
        confirmLabel={t.removeConfirm}
        cancelLabel={t.removeCancel}
        danger
        busy={busy}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        <p>{t.removeExplain}</p>
      </ConfirmDialog>
    </section>
  );
}

function PasswordForms({ config, onChanged }: { config: SyncConfig; onChanged: (config: SyncConfig) => void }) {
  const changeId = useId();
  const updateId = useId();
  const [next, setNext] = useState('');
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [changeError, setChangeError] = useState<string | null>(null);
  const [updateError, setUpdateError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  async function change(event: FormEvent) {
    event.preventDefault();
    if ([...next].length < 12) {
      setChangeError(t.passwordTooShort);
      return;
    }
    setBusy(true);
    setChangeError(null);
    try {
      onChanged(await changeAccountPassword(config, next));
      setNext('');
      setNotice(t.passwordChanged);
    } catch (caught) {
      setChangeError(syncErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  async function update(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setUpdateError(null);
    try {
      const updated = { ...config, password: other };
      await checkAccess(updated);
      await saveSyncConfig(updated);
      await stopReplication();
      await startReplication(updated);
      onChanged(updated);
      setOther('');
      setNotice(t.passwordUpdated);
    } catch (caught) {
      setUpdateError(syncErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PasswordForm
        id={changeId}
        title={t.passwordTitle}
        intro={t.passwordIntro}
        label={t.newPassword}
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        error={changeError}
        busy={busy}
        submitLabel={t.changePassword}
        onSubmit={change}
      />
      <PasswordForm
        id={updateId}
        title={t.passwordUpdateTitle}
        intro={t.passwordUpdateIntro}
        label={t.password}
        autoComplete="current-password"
        value={other}
        onChange={setOther}
        error={updateError}
        busy={busy}
        submitLabel={t.passwordUpdate}
        onSubmit={update}
      />
      <p role="status" className="settings-status">
        {notice}
      </p>
    </>
  );
}

export function SyncSection() {
  const headingId = useId();
  const [config, setConfig] = useState<SyncConfig | null | undefined>(undefined);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    let live = true;
    void (async () => {
      const loaded = (await loadSyncConfig().catch(() => undefined)) ?? null;
      if (!live) return;
      setConfig(loaded);
      if (!loaded && wasRemovedThisSession()) setNotice(t.revokedNotice);
      // A device removed elsewhere stops here at the latest.
      if (loaded && (await checkDeviceStatus(loaded)) === 'removed' && live) {
        setConfig(null);
        setNotice(t.revokedNotice);
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  async function disconnect() {
    await stopReplication();
    await clearSyncConfig();
    setConfig(null);
    setNotice(t.disconnected);
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t.title}</h2>
      <p>{t.intro}</p>
      <p role="status" className="settings-status">
        {notice}
      </p>
      {config === null ? (
        <ConnectForm
          onConnected={(connected) => {
            setNotice('');
            setConfig(connected);
          }}
        />
      ) : null}
      {config ? (
        <>
          <div className="card">
            <h3>{t.statusTitle}</h3>
            <p>{t.connectedAs(config.account, config.db)}</p>
            <p>{t.thisDeviceIs(config.deviceName)}</p>
            <StatusSlot />
            <div className="button-row">
              <button type="button" className="button" onClick={() => void disconnect()}>
                {t.disconnect}
              </button>
            </div>
          </div>
          <PairPanel config={config} />
          <DevicesPanel config={config} />
          <PasswordForms config={config} onChanged={setConfig} />
        </>
      ) : null}
    </section>
  );
}

/** One account-password form: a titled card with one password field and its submit button. */
function PasswordForm(props: {
  id: string;
  title: string;
  intro: string;
  label: string;
  autoComplete: 'new-password' | 'current-password';
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent) => Promise<void>;
}) {
  return (
    <form className="card settings-form" aria-labelledby={props.id} onSubmit={(e) => void props.onSubmit(e)} noValidate>
      <h3 id={props.id}>{props.title}</h3>
      <p>{props.intro}</p>
      <TextField
        label={props.label}
        type="password"
        autoComplete={props.autoComplete}
        value={props.value}
        disabled={props.busy}
        onChange={(e) => props.onChange(e.target.value)}
        error={props.error}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={props.busy || props.value === ''}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
