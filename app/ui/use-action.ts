// A data operation started by a single button (no form fields): busy while it
// runs, and its failure as one Dutch sentence from the data error table
// (never `message`), cleared when the worker tries again.
import { useCallback, useState } from 'react';
import { describeFailure } from './form-errors';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs `work`; `onDone` follows only when it succeeded. */
  const run = useCallback(async (work: () => Promise<unknown>, onDone: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone();
    } catch (failure) {
      setError(describeFailure(failure, []).general);
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, run };
}
