import { useEffect, useId, useState } from 'react';
import { getStorageEstimate } from '../../data/vault';
import { nl } from '../../i18n/catalogue';

const t = nl.settings.storage;
const megabytes = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 });

function mb(bytes: number): string {
  return t.megabytes(megabytes.format(bytes / (1024 * 1024)));
}

type Estimate = Awaited<ReturnType<typeof getStorageEstimate>>;

/** "x MB van y MB gebruikt" and whether the browser keeps the data. */
export function StorageInfo() {
  const headingId = useId();
  const [estimate, setEstimate] = useState<Estimate | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void getStorageEstimate().then((value) => {
      if (live) setEstimate(value);
    });
    return () => {
      live = false;
    };
  }, []);

  let usage: string | null = null;
  if (estimate === null) usage = t.unknown;
  else if (estimate?.usage !== undefined) {
    usage =
      estimate.quota !== undefined ? t.usage(mb(estimate.usage), mb(estimate.quota)) : t.usageOnly(mb(estimate.usage));
  }
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.title}</h3>
      <p>{usage ?? ''}</p>
      {estimate?.persisted !== undefined ? <p>{estimate.persisted ? t.persisted : t.notPersisted}</p> : null}
    </section>
  );
}
