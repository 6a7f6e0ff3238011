// Makes sure a Chromium exists for the e2e tests, installing one if it can.
import { execSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

/** @param {string} command */
function attempt(command) {
  try {
    execSync(command, { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

let path = await findChromium();
if (!path) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    console.log('Baken: geen Chromium gevonden, installeren met apt-get…');
    if (!attempt('apt-get install -y chromium') && attempt('apt-get update')) attempt('apt-get install -y chromium');
  }
  path = await findChromium();
  if (!path) {
    console.log('Baken: Chromium downloaden via Playwright…');
    attempt('npx playwright install chromium');
    path = await findChromium();
  }
}
if (!path) {
  console.error(
    [
      'No Chromium found for the end-to-end tests, and installing one failed.',
      'Do one of the following, then run `npm test` again:',
      '  sudo apt-get install -y chromium        (Debian/Ubuntu; provides /usr/bin/chromium)',
      '  npx playwright install chromium         (where downloads are allowed)',
      '  export CHROMIUM_PATH=/path/to/chromium  (an existing Chromium or Chrome)',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`Baken: Chromium ${path}`);
