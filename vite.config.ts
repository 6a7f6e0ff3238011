import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentCheckPlugin } from './scripts/content-check-plugin';
import { lockScreenHtmlPlugin } from './scripts/lock-screen-html';
import { passphraseDictionaryPlugin } from './scripts/passphrase-dictionary';
import { zodJsonSchemaStubPlugin } from './scripts/zod-json-schema-stub';
import { chunkGroups } from './scripts/chunk-groups';
import { headersFile, metaContentSecurityPolicy } from './scripts/security-headers.mjs';

/** Build-only: meta CSP fallback for static hosts, plus a `_headers` file. */
function securityHeadersPlugin(): Plugin {
  return {
    name: 'baken-security-headers',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      // Right after <meta charset>, before anything the policy must govern.
      handler: (html) =>
        html.replace(
          '<meta charset="UTF-8" />',
          `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}" />`,
        ),
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
  };
}

export default defineConfig({
  // `npm run dev`: /sync/ goes to BAKEN_COUCHDB_URL, or to a sync server started by hand
  // (`node scripts/sync-server.mjs`, port 5984), as scripts/serve.mjs does for `npm start`.
  server: {
    proxy: {
      '/sync/': {
        target: process.env.BAKEN_COUCHDB_URL ?? 'http://127.0.0.1:5984',
        rewrite: (path) => path.replace(/^\/sync/, ''),
        // As scripts/serve.mjs: no cookies either way, and no WWW-Authenticate, so a 401 never
        // opens the browser's login dialog.
        configure: (proxy) => {
          proxy.on('proxyReq', (request) => request.removeHeader('cookie'));
          proxy.on('proxyRes', (response) => {
            delete response.headers['www-authenticate'];
            delete response.headers['set-cookie'];
          });
        },
      },
    },
  },
  plugins: [
    react(),
    contentCheckPlugin(),
    passphraseDictionaryPlugin(),
    securityHeadersPlugin(),
    lockScreenHtmlPlugin(),
    zodJsonSchemaStubPlugin(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      includeManifestIcons: false,
      registerType: 'prompt',
      manifestFilename: 'manifest.webmanifest',
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,json,svg,png,txt}'],
        globIgnores: ['**/_headers'],
      },
      manifest: {
        id: '/',
        name: 'Baken',
        short_name: 'Baken',
        description: 'Offline logboek voor CLB en zorgteams bij sexting, sextortion en grooming.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        lang: 'nl-BE',
        dir: 'ltr',
        theme_color: '#1d4a5a',
        background_color: '#f6f4ef',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    // The manifest lets scripts/js-size.mjs find the critical-path chunks.
    manifest: true,
    // No preload helper: every chunk comes from the service worker's precache
    // (same origin, no network wait after the first visit), so preloading a
    // lazy chunk's imports saves little, while the helper and its wrapping of
    // every dynamic import cost ~2 KiB on the lock screen's critical path.
    modulePreload: false,
    sourcemap: false,
    // Issue 19: shared modules grouped per budget class (scripts/chunk-groups.ts).
    rolldownOptions: { output: { codeSplitting: { groups: chunkGroups } } },
  },
});
