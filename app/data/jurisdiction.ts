// The worker's Rechtsgebied (a device setting, see settings.ts), read through
// the raw meta store, without Dexie or the schema library, so the knowledge
// screens, which open before unlock and offline, stay on a small critical
// path. Anything unreadable means the settings default ('vlaanderen',
// schema/settings.ts).
import { useEffect, useState } from 'react';
import type { Jurisdiction } from '../../schema/settings';
import { metaGet } from './meta-store';

const fallback: Jurisdiction = 'vlaanderen';

function readJurisdiction(value: unknown): Jurisdiction {
  const stored = (value as { jurisdiction?: unknown } | null | undefined)?.jurisdiction;
  return stored === 'vlaanderen' || stored === 'nederland' ? stored : fallback;
}

/** Reads the Rechtsgebied once; the default when nothing (valid) is stored or storage fails. */
export async function getJurisdiction(): Promise<Jurisdiction> {
  try {
    return readJurisdiction(await metaGet('settings'));
  } catch {
    return fallback;
  }
}

/** The Rechtsgebied, or undefined until it has been read (a few milliseconds). */
export function useJurisdiction(): Jurisdiction | undefined {
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction | undefined>(undefined);
  useEffect(() => {
    let active = true;
    void getJurisdiction().then((value) => {
      if (active) setJurisdiction(value);
    });
    return () => {
      active = false;
    };
  }, []);
  return jurisdiction;
}
