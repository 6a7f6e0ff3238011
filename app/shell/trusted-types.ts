// Trusted Types: the page's one policy lives in app/data/script-url-policy.ts
// (the Argon2id worker needs it too); the shell only asks it for the SW URL.
import type { TrustedScriptURL } from 'trusted-types/lib';

import { scriptUrlPolicyName, trustedScriptUrl } from '../data/script-url-policy';

export const swPolicyName = scriptUrlPolicyName;

/** The service worker URL, as a TrustedScriptURL where Trusted Types exist. */
export function serviceWorkerUrl(): string | TrustedScriptURL {
  return trustedScriptUrl('/sw.js');
}
