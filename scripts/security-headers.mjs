// Single source of the HTTP security headers: used by the preview server
// (scripts/serve.mjs), written to dist/_headers for static hosts, and
// reduced to a <meta> CSP fallback in index.html at build time.

/** @type {Record<string, string>} */
export const cspDirectives = {
  'default-src': "'self'",
  // 'wasm-unsafe-eval' lets the Argon2id worker compile its WebAssembly; it allows no eval of JS.
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self'",
  'font-src': "'self'",
  'connect-src': "'self'",
  'manifest-src': "'self'",
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  // DOM XSS sinks only take Trusted Types; the one policy registers the SW.
  'require-trusted-types-for': "'script'",
  'trusted-types': 'baken-sw',
};

/** Directives that browsers ignore (and warn about) inside a <meta> CSP. */
const headerOnlyDirectives = new Set(['frame-ancestors']);

/** @param {Record<string, string>} directives */
function serialise(directives) {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export const contentSecurityPolicy = serialise(cspDirectives);

export const metaContentSecurityPolicy = serialise(
  Object.fromEntries(Object.entries(cspDirectives).filter(([name]) => !headerOnlyDirectives.has(name))),
);

/** @type {Record<string, string>} */
export const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Netlify/Cloudflare Pages style `_headers` file for static hosting. */
export function headersFile() {
  const lines = ['/*', ...Object.entries(securityHeaders).map(([k, v]) => `  ${k}: ${v}`)];
  return `${lines.join('\n')}\n`;
}
