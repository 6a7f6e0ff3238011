// The busy/error wiring the setup and recovery forms share.
import { useState } from 'react';

/**
 * `run` marks the form busy and clears its error while `work` runs. A failure
 * shows `describe`'s text and frees the button; after success the button stays
 * busy, because the form is about to make way (unlocked, or the recovery code).
 */
export function useVaultSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(work: () => Promise<void>, describe: (caught: unknown) => string) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(describe(caught));
      setBusy(false);
    }
  }

  /** Forgets the last failure's text (the field it was about was changed). */
  const clear = () => setError(null);

  return { busy, error, run, clear };
}
