import { useId, useState } from 'react';
import { nl } from '../../i18n/core';
import { Button } from '../../ui/button';

/** Shows the recovery code once, grouped for reading, printable. */
export function RecoveryCodeView({ code, onDone }: { code: string; onDone: () => void }) {
  const [stored, setStored] = useState(false);
  const labelId = useId();
  return (
    <section className="card stack printable" aria-labelledby={labelId}>
      <h2 id={labelId}>{nl.lock.recoveryTitle}</h2>
      <p>{nl.lock.recoveryIntro}</p>
      <p className="recovery-code" aria-label={nl.lock.recoveryLabel}>
        {code}
      </p>
      <div className="button-row no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {nl.lock.print}
        </button>
      </div>
      <label className="checkbox no-print">
        <input type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />
        <span>{nl.lock.recoveryStored}</span>
      </label>
      <Button type="button" className="button button--primary no-print" disabled={!stored} onClick={onDone}>
        {nl.lock.continue}
      </Button>
    </section>
  );
}
