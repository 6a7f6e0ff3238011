// "Synchronisatie" (issue 20): connect this device to the worker's CouchDB
// database, the sync status (helper F's <SyncStatus>), pairing a second
// device with a one-time code, the device list and removing a device.
// Loaded lazily by the settings screen; the data side is app/data/sync/.
// The panels are in sync-pair-panel.tsx, sync-devices-panel.tsx and
// sync-password-forms.tsx.
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentType,
  type FormEvent,
  type RefObject,
} from 'react';
import { loadSyncConfig, newDeviceId, syncRemoval, type SyncConfig } from '../../data/sync/config';
import { checkDeviceStatus, connectDevice, disconnectThisDevice } from '../../data/sync/devices';
import { getSyncStatus } from '../../data/sync/status';
// The sync strings are their own module (not in the catalogue object), so they load with the sync chunk.
import { sync } from '../../i18n/nl/sync';
import { syncStatus } from '../../i18n/nl/sync-status';
import { SyncAccountFields, syncRefusal, useSyncAccount, type SyncRefusal } from '../../ui/sync';
import { errorCode } from '../../data/errors';
import { syncErrorText } from './sync-errors';
import { SyncDevicesPanel } from './sync-devices-panel';
import { SyncPairPanel } from './sync-pair-panel';
import { SyncPasswordForms } from './sync-password-forms';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useSectionFocus } from '../../shell/use-section-focus';
import { focusFirstInvalid, useFocusAfterSwap, useFocusInvalidAfterRender } from '../../ui/focus';

const t = sync;

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

function ConnectForm({
  onConnected,
  headingRef,
}: {
  onConnected: (config: SyncConfig) => void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const headingId = useId();
  const account = useSyncAccount();
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<SyncRefusal | null>(null);

  const setFocusTo = useFocusInvalidAfterRender();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!account.complete) {
      // The last attempt's refusals were about the fields as they were then.
      setRefused(null);
      setError(null);
      setMissing(true);
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    setError(null);
    setRefused(null);
    try {
      const config: SyncConfig = { ...account.input(), deviceId: newDeviceId() };
      // Saves nothing when the database belongs to another logbook or anything fails.
      await connectDevice(config);
      onConnected(config);
    } catch (caught) {
      // A refusal about a field is shown there and focused; anything else under the form.
      const text = syncErrorText(caught);
      const onField = syncRefusal(errorCode(caught), text);
      setRefused(onField);
      setError(onField ? null : text);
      if (onField) setFocusTo(form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card settings-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t.connectTitle}
      </h3>
      <p>{t.connectIntro}</p>
      <SyncAccountFields {...account.fields} busy={busy} showErrors={missing} refused={refused} />
      <div className="button-row">
        <Button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t.connecting : t.connect}
        </Button>
      </div>
      <p role="alert" className="settings-status">
        {error ?? ''}
      </p>
    </form>
  );
}

/**
 * The removal, with the changes it left unsent: as found this session (status.ts `removedUnsent`), else
 * as kept with the removal on this device (`stored`, after a reload).
 */
function revokedNotice(stored?: number): string {
  const s = getSyncStatus();
  const unsent = s.removed ? s.removedUnsent : stored;
  return unsent ? `${t.revokedNotice} ${syncStatus.removedUnsent(unsent)}` : t.revokedNotice;
}

export function SyncSection() {
  const headingId = useId();
  const sectionHeading = useRef<HTMLHeadingElement>(null);
  // The sync notices' "Naar Synchronisatie in Instellingen" lands here (router.ts requestSectionFocus).
  useSectionFocus('synchronisatie', sectionHeading);
  const [config, setConfig] = useState<SyncConfig | null | undefined>(undefined);
  const [notice, setNotice] = useState('');
  // Connecting swaps the form for the status card, disconnecting swaps back: focus goes with it.
  const focusAfter = useFocusAfterSwap(config);
  const statusHeading = useRef<HTMLHeadingElement>(null);
  const connectHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const loaded = (await loadSyncConfig().catch(() => undefined)) ?? null;
      if (!live) return;
      setConfig(loaded);
      // Removed from the device list, found now or earlier (kept until the device is connected again).
      if (!loaded) {
        const removal = await syncRemoval().catch(() => undefined);
        if (removal && live) setNotice(revokedNotice(removal.unsent));
      }
      // A device removed elsewhere stops here at the latest.
      if (loaded && (await checkDeviceStatus(loaded)) === 'removed' && live) {
        setConfig(null);
        setNotice(revokedNotice());
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  // Loskoppelen asks first, with the changes not yet sent (as the status line counts them).
  const [asking, setAsking] = useState<number | null>(null);

  // While the server is asked to take this device off the list (up to 5 s), the button waits.
  const [leaving, setLeaving] = useState(false);

  async function disconnect(from: SyncConfig) {
    setAsking(null);
    setLeaving(true);
    setNotice(t.disconnecting);
    try {
      const { unlisted } = await disconnectThisDevice(from);
      focusAfter(() => connectHeading.current);
      setConfig(null);
      setNotice(unlisted ? t.disconnected : `${t.disconnected} ${t.disconnectedStillListed}`);
    } finally {
      setLeaving(false);
    }
  }

  return (
    <section id="synchronisatie" aria-labelledby={headingId}>
      <h2 id={headingId} ref={sectionHeading} tabIndex={-1}>
        {t.title}
      </h2>
      <p>{t.intro}</p>
      <p role="status" className="settings-status">
        {notice}
      </p>
      {config === null ? (
        <ConnectForm
          headingRef={connectHeading}
          onConnected={(connected) => {
            setNotice('');
            focusAfter(() => statusHeading.current);
            setConfig(connected);
          }}
        />
      ) : null}
      {config ? (
        <>
          <div className="card">
            <h3 ref={statusHeading} tabIndex={-1}>
              {t.statusTitle}
            </h3>
            <p>{t.connectedAs(config.account, config.db)}</p>
            <p>{t.thisDeviceIs(config.deviceName)}</p>
            <StatusSlot />
            <div className="button-row">
              <Button
                type="button"
                className="button"
                disabled={leaving}
                onClick={() => setAsking(getSyncStatus().waiting)}
              >
                {t.disconnect}
              </Button>
            </div>
            <ConfirmDialog
              open={asking !== null}
              title={t.disconnectTitle}
              confirmLabel={t.disconnectConfirm}
              cancelLabel={t.disconnectCancel}
              onConfirm={() => void disconnect(config)}
              onCancel={() => setAsking(null)}
            >
              <p>{t.disconnectExplain}</p>
              {asking ? <p>{t.disconnectUnsent(asking)}</p> : null}
            </ConfirmDialog>
          </div>
          <SyncPairPanel config={config} />
          <SyncDevicesPanel config={config} />
          <SyncPasswordForms config={config} onChanged={setConfig} />
        </>
      ) : null}
    </section>
  );
}
