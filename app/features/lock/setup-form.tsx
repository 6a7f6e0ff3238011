import { useState, type FormEvent } from 'react';
import { createVault } from '../../data/vault';
import type { Jurisdiction } from '../../../schema/settings';
import { nl } from '../../i18n/core';
import { PassphrasePair, usePassphrasePair } from '../../ui/passphrase-pair';
import { errorCode } from '../../data/errors';
import { useVaultSubmit } from './use-vault-submit';
import { takeEarlyPassphrase } from './early-passphrase';
import { Button } from '../../ui/button';
import { focusFirstInvalid } from '../../ui/focus';

/** First run: choose a passphrase (and optionally get a recovery code). */
export function SetupForm({
  onCreated,
  focusOnMount = false,
}: {
  onCreated: (recoveryCode: string | undefined) => void;
  /** Focus the first field on mount (back from pairing; never on a first load). */
  focusOnMount?: boolean;
}) {
  // What was typed into the prerendered unlock form before a first run was known.
  const [early] = useState(takeEarlyPassphrase);
  const pair = usePassphrasePair(early?.text);
  const [withRecovery, setWithRecovery] = useState(true);
  const [region, setRegion] = useState<Jurisdiction>('vlaanderen');
  const { busy, error, run } = useVaultSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!(await pair.check())) {
      focusFirstInvalid(form);
      return;
    }
    await run(
      async () => {
        const { recoveryCode } = await createVault(pair.value, { recoveryCode: withRecovery });
        pair.clear();
        // Vlaanderen is the default: only another choice is written, with no earlier one remembered (no
        // case exists yet). The settings module is loaded only then: it is not part of the lock screen's
        // JS. Should the write fail (a full device), the logbook exists all the same: every new-incident
        // form shows the Rechtsgebied it will use, and Instellingen changes it.
        if (region !== 'vlaanderen')
          await import('../../data/settings')
            .then(({ updateSettings }) => updateSettings({ jurisdiction: region }, { atSetup: true }))
            .catch(() => undefined);
        onCreated(recoveryCode);
      },
      (caught) => (errorCode(caught) === 'storage.full' ? nl.lock.storageFull : nl.lock.genericError),
    );
  }

  return (
    <form onSubmit={submit} noValidate className="card">
      <p>{nl.lock.setupIntro}</p>
      <p>{nl.lock.noPasswordManager}</p>
      <PassphrasePair label={nl.lock.passphrase} {...pair.bind} autoFocus={focusOnMount || early?.focused === true} />
      {/* The explanation describes the checkbox rather than being part of its name (a review: a screen
          reader read the whole paragraph as the name, then again as text). One setup form per page. */}
      <div className="checkbox">
        <input
          id="setup-recovery"
          type="checkbox"
          aria-describedby="setup-recovery-hint"
          checked={withRecovery}
          onChange={(event) => setWithRecovery(event.target.checked)}
        />
        <span>
          <label htmlFor="setup-recovery">{nl.lock.makeRecoveryCode}</label>
          <br />
          <small id="setup-recovery-hint">{nl.lock.recoveryCodeExplain}</small>
        </span>
      </div>
      {/* The same markup as ui/choice-group's RadioGroup, which the lock screen does not load. */}
      <fieldset className="field choice-group" aria-describedby="setup-region-hint">
        <legend className="field__label">{nl.lock.setupRegion}</legend>
        <div id="setup-region-hint" className="field__hint">
          {nl.lock.setupRegionHint}
        </div>
        <div className="choice-group__options">
          {(['vlaanderen', 'nederland'] as const).map((value) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                autoComplete="off"
                name="setup-region"
                value={value}
                checked={region === value}
                onChange={() => setRegion(value)}
              />
              <span>{nl.lock.setupRegions[value]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="callout callout--danger">{nl.lock.lossWarning}</p>
      <p role="alert" className="field__error">
        {error ?? ''}
      </p>
      <Button type="submit" className="button button--primary" disabled={busy}>
        {busy ? nl.lock.creating : nl.lock.create}
      </Button>
    </form>
  );
}
