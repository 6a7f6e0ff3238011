// Installs node modules on the first run of `npm start` / `npm test`, so a
// fresh clone needs no separate install step.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const marker = 'node_modules/.package-lock.json';
const stale =
  !existsSync(marker) ||
  (existsSync('package-lock.json') && statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000);

if (stale) {
  console.log('Baken: afhankelijkheden installeren (eenmalig)…');
  try {
    execSync(existsSync('package-lock.json') ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', {
      stdio: 'inherit',
    });
  } catch {
    // Some npm versions refuse `npm ci` when the lock file lacks entries for
    // other platforms' optional packages; `npm install` repairs that.
    console.log('Baken: npm ci lukte niet, nu met npm install…');
    execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
  }
}
