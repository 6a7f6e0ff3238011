// Trusted Types: the CSP says `require-trusted-types-for 'script'` and allows
// exactly one policy, used for one thing: registering our service worker.
import type { TrustedScriptURL, TrustedTypePolicyFactory } from 'trusted-types/lib';

export const swPolicyName = 'baken-sw';
const swUrl = '/sw.js';

let cached: string | TrustedScriptURL | undefined;

/** The service worker URL, as a TrustedScriptURL where Trusted Types exist. */
export function serviceWorkerUrl(): string | TrustedScriptURL {
  if (cached) return cached;
  const factory = (window as Window & { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (!factory) return (cached = swUrl);
  const policy = factory.createPolicy(swPolicyName, {
    createScriptURL: (url: string) => {
      if (url !== swUrl) throw new TypeError(`Refused script URL ${url}`);
      return url;
    },
  });
  return (cached = policy.createScriptURL(swUrl));
}
