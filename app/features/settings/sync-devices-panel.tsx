// The worker's devices (Instellingen → Synchronisatie, sync-section.tsx): when
// each was added or removed, and removing one after a confirmation.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SyncConfig } from '../../data/sync/config';
import { listDevices, removeDevice, type DeviceEntry } from '../../data/sync/devices';
import { useSyncStatus } from '../../data/sync/status';
import { sync as t } from '../../i18n/nl/sync';
import { LiveText } from '../../ui/live-text';
import { RemoveDialog, useRemoval } from '../../ui/remove-dialog';
import { syncErrorText } from './sync-errors';

const dateTime = new Intl.DateTimeFormat('nl-BE', { dateStyle: 'medium', timeStyle: 'short' });

/** The device list with a remove button for every other device still in use. */
export function SyncDevicesPanel({ config }: { config: SyncConfig }) {
  const headingId = useId();
  const [devices, setDevices] = useState<DeviceEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

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
    // Back online: the list (or the offline notice it replaced) is checked again.
    const again = (): void => void refresh();
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [refresh]);
  // The server back (a round went through) while the list shows it could not be reached: checked again,
  // once per round that ends well, so a list that keeps failing is not asked for in a loop.
  const phase = useSyncStatus().phase;
  const failed = useRef(false);
  failed.current = error !== null;
  useEffect(() => {
    if (phase === 'gesynchroniseerd' && failed.current) void refresh();
  }, [phase, refresh]);

  const removal = useRemoval<DeviceEntry>({
    remove: async (device) => {
      await removeDevice(config, device.id);
      setNotice(t.removed(device.name));
    },
    after: refresh,
    onError: (caught) => setError(syncErrorText(caught)),
  });

  return (
    <section className="card settings-form" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {t.devicesTitle}
      </h3>
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
                  <button type="button" className="button button--small" onClick={() => removal.ask(device)}>
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
      <LiveText role="alert" className="settings-status" message={error} />
      <LiveText role="status" className="settings-status" message={notice} />
      <RemoveDialog texts={t} removal={removal} focusAfterRemove={() => document.getElementById(headingId)} />
    </section>
  );
}
