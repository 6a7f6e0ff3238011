import { useState } from 'react';
import type { Settings } from '../../../schema/settings';
import { updateSettings, useSettings } from '../../data/settings';
import { nl } from '../../i18n/catalogue';

/**
 * The settings with this form's changes applied at once (the live read
 * follows a moment later), a save that says "Bewaard." in a status line, and
 * a revert with a message when saving fails.
 */
export function useSettingSaver(): {
  values: Settings;
  /** Saves at once; `savedText` replaces "Bewaard." when the change needs its consequence said. */
  save: (patch: Partial<Settings>, savedText?: string) => void;
  message: string;
} {
  const stored = useSettings();
  const [pending, setPending] = useState<Partial<Settings>>({});
  const [message, setMessage] = useState('');
  function save(patch: Partial<Settings>, savedText: string = nl.settings.saved) {
    setMessage('');
    setPending((current) => ({ ...current, ...patch }));
    updateSettings(patch).then(
      () => setMessage(savedText),
      () => {
        setPending((current) => {
          const next = { ...current };
          for (const key of Object.keys(patch) as Array<keyof Settings>) delete next[key];
          return next;
        });
        setMessage(nl.settings.saveFailed);
      },
    );
  }
  return { values: { ...stored, ...pending }, save, message };
}
