// Builds the bench harness page (bench/harness) into bench/.out/harness.
// A production build like the app's: minified, React in production mode.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../.out/harness', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    // One bundle on purpose: the harness is a test page, not shipped.
    chunkSizeWarningLimit: 4096,
  },
});
