// The passphrase policy for every form that sets a passphrase (vault setup,
// recovery, change, backup transfer). It loads lazily, on first use: the
// zxcvbn-ts chunk and the word lists (/passphrase-dictionary.json, precached)
// never load on the unlock screen. Until it has loaded, forms say they are
// still checking and do not submit.
import { useEffect, useState } from 'react';

import type { PassphraseDictionary, PassphrasePolicy, PassphraseVerdict } from '../../schema/passphrase-policy';
import { nl } from '../i18n/core';

const DICTIONARY_URL = '/passphrase-dictionary.json';

let policy: PassphrasePolicy | null = null;
let loading: Promise<PassphrasePolicy> | null = null;

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Checks the asset's shape by hand (it is our own file, but still input); null when unusable. */
function readDictionary(value: unknown): PassphraseDictionary | null {
  if (typeof value !== 'object' || value === null) return null;
  const { source, dictionary, graphs, suggestions } = value as Record<string, unknown>;
  if (typeof source !== 'string' || typeof dictionary !== 'object' || dictionary === null) return null;
  if (typeof graphs !== 'object' || graphs === null) return null;
  const lists = Object.entries(dictionary);
  if (!lists.every(([, list]) => isStringArray(list))) return null;
  return {
    source,
    dictionary: Object.fromEntries(lists) as Record<string, string[]>,
    graphs: graphs as PassphraseDictionary['graphs'],
    ...(isStringArray(suggestions) ? { suggestions } : {}),
  };
}

async function fetchDictionary(): Promise<PassphraseDictionary | null> {
  try {
    const response = await fetch(DICTIONARY_URL);
    return response.ok ? readDictionary(await response.json()) : null;
  } catch {
    // Offline without a precache: the policy still checks length, patterns and Baken's own words.
    return null;
  }
}

/** Loads the policy once per page. */
export function loadPassphrasePolicy(): Promise<PassphrasePolicy> {
  loading ??= Promise.all([import('../../schema/passphrase-policy'), fetchDictionary()]).then(
    ([module, dictionary]) => (policy = module.createPassphrasePolicy(dictionary)),
  );
  return loading;
}

/** The policy once loaded (starts loading on first render), else null. */
export function usePassphrasePolicy(): PassphrasePolicy | null {
  const [ready, setReady] = useState(policy);
  useEffect(() => {
    let live = true;
    loadPassphrasePolicy().then(
      (loaded) => live && setReady(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

/** Uniform random integer below `below`, from WebCrypto. */
function randomInt(below: number): number {
  const limit = Math.floor(0x1_0000_0000 / below) * below;
  for (;;) {
    const [x = 0] = crypto.getRandomValues(new Uint32Array(1));
    if (x < limit) return x % below;
  }
}

/** A four-word suggestion, stable for the life of the form. */
export function usePassphraseSuggestion(loaded: PassphrasePolicy | null): string | null {
  const [suggestion, setSuggestion] = useState<string | null>(null);
  useEffect(() => {
    if (loaded && suggestion === null) setSuggestion(loaded.suggest(randomInt));
  }, [loaded, suggestion]);
  return suggestion;
}

/** The Dutch reason a verdict refuses, or null when it accepts. */
export function verdictText(verdict: PassphraseVerdict): string | null {
  if (verdict.ok) return null;
  if (verdict.reason === 'tooShort') return nl.lock.tooShort(verdict.missing);
  const warning = verdict.warning ? nl.lock.policy.warnings[verdict.warning] : undefined;
  return warning ? `${warning} ${nl.lock.policy.tooGuessable}` : nl.lock.policy.tooGuessable;
}

/**
 * The problem with a new passphrase, in Dutch, or null when the policy
 * accepts it. While the policy is still loading, that is the problem.
 */
export function passphraseProblem(value: string): string | null {
  if (!policy) return nl.lock.policy.checking;
  const verdict = policy.check(value);
  // The error does not count characters: it is an alert, and a count would be announced again at every
  // keystroke after a refused submit. The hint's polite live verdict keeps the count.
  if (!verdict.ok && verdict.reason === 'tooShort') return nl.lock.tooShortError;
  return verdictText(verdict);
}
