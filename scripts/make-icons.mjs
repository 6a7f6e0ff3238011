// Renders the PNG app icons from the source SVGs in public/icons, using the
// same Chromium the e2e tests use (no extra image dependency).
// Run: npm run icons
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium.mjs';

const jobs = [
  { svg: 'public/icons/icon.svg', out: 'public/icons/icon-192.png', size: 192 },
  { svg: 'public/icons/icon.svg', out: 'public/icons/icon-512.png', size: 512 },
  { svg: 'public/icons/icon-maskable.svg', out: 'public/icons/icon-maskable-512.png', size: 512 },
];

const executablePath = await findChromium();
const browser = await chromium.launch({ executablePath: executablePath ?? undefined, args: chromiumArgs });
try {
  for (const job of jobs) {
    const svg = await readFile(job.svg, 'utf8');
    const page = await browser.newPage({ viewport: { width: job.size, height: job.size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${job.size}px;height:${job.size}px}</style>${svg}`,
    );
    await writeFile(job.out, await page.screenshot({ omitBackground: true, type: 'png' }));
    await page.close();
    console.log(`${job.out} (${job.size}×${job.size})`);
  }
} finally {
  await browser.close();
}
