import { useDeferredValue } from 'react';

import { nl } from '../i18n/core';
import { usePassphrasePolicy, usePassphraseSuggestion, verdictText } from './passphrase-policy';

/**
 * The hint under a new passphrase: the rule, the policy's verdict while
 * typing (deferred, so typing stays responsive) and a four-word suggestion
 * until the passphrase is strong enough. A verdict the field's `error`
 * already says is left out, so a screen reader does not read it twice.
 */
export function PassphraseHint({ value, error = null }: { value: string; error?: string | null }) {
  const policy = usePassphrasePolicy();
  const suggestion = usePassphraseSuggestion(policy);
  const deferred = useDeferredValue(value);
  const verdict = policy && deferred.length > 0 ? policy.check(deferred) : null;
  const verdictSays =
    value.length === 0
      ? null
      : verdict === null
        ? nl.lock.policy.checking
        : (verdictText(verdict) ?? nl.lock.policy.strongEnough);
  const status = verdictSays === error ? null : verdictSays;
  return (
    <>
      <span>{nl.lock.passphraseHint}</span>
      {status ? <span aria-live="polite"> {status}</span> : null}
      {suggestion && !verdict?.ok ? <span> {nl.lock.policy.suggestion(suggestion)}</span> : null}
    </>
  );
}
