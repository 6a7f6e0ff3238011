// Trusted Types: the CSP says `require-trusted-types-for 'script'` and allows
// exactly one policy (`baken-sw`, named after its first use). It turns two
// kinds of URL into script URLs and refuses everything else: our service
// worker (/sw.js) and the Argon2id worker that Vite emits for kdf-worker.ts.
// It lives in app/data so the KDF can use it; the shell's SW registration
// asks it too (a policy name can be created only once per page).
import type { TrustedScriptURL, TrustedTypePolicyFactory } from 'trusted-types/lib';

export const scriptUrlPolicyName = 'baken-sw';
const swUrl = '/sw.js';
// Built: /assets/kdf-worker-<hash>.js; dev server: /app/data/kdf-worker.ts?worker_file&type=module.
const kdfWorkerPath = /^\/(?:assets\/kdf-worker-[\w-]+\.js|app\/data\/kdf-worker\.ts\?worker_file&type=module)$/;

let policy: { createScriptURL(url: string): TrustedScriptURL } | null | undefined;

function allowed(url: string): string {
  if (url === swUrl) return url;
  const parsed = new URL(url, location.href);
  if (parsed.origin === location.origin && kdfWorkerPath.test(parsed.pathname + parsed.search)) return parsed.href;
  throw new TypeError(`Refused script URL ${url}`);
}

/** A script URL for `new Worker()` or SW registration, as a TrustedScriptURL where Trusted Types exist. */
export function trustedScriptUrl(url: string): string | TrustedScriptURL {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
    policy = factory ? factory.createPolicy(scriptUrlPolicyName, { createScriptURL: allowed }) : null;
  }
  return policy ? policy.createScriptURL(url) : allowed(url);
}
