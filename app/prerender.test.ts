import { describe, expect, it } from 'vitest';

import { renderLockScreen } from './prerender';
import { routes } from './shell/routes';

// Runs in Node without a DOM, as the build does (scripts/lock-screen-html.ts).
describe('the lock screen prerendered into index.html', () => {
  const html = renderLockScreen();

  it('is the unlock form, usable: labelled passphrase field and unlock button, nothing disabled', () => {
    expect(html).toContain('<h1 tabindex="-1" class="page-title">Baken ontgrendelen</h1>');
    const id = /<label for="([^"]+)" class="field__label">Wachtwoordzin<\/label>/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toMatch(new RegExp(`<input id="${id}"[^>]*type="password"`));
    expect(html).toContain('<button type="submit" class="button button--primary">Ontgrendelen</button>');
    expect(html).not.toMatch(/\sdisabled=/);
  });

  it('links the knowledge screens and has the app menu', () => {
    for (const href of ['/stappenplan', '/verwijzingen', '/vlaggensysteem', '/begrippen']) {
      expect(html).toContain(`<a href="${href}">`);
    }
    for (const route of routes.filter((r) => r.inMenu)) expect(html).toContain(`>${route.title}</a>`);
  });

  it('is exactly the tree main.tsx hydrates, nothing before it', () => {
    expect(html.startsWith('<div class="shell">')).toBe(true);
  });

  it('has no script, no inline style or handler, and no way to put the passphrase in a URL', () => {
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(html).toMatch(/<form[^>]*method="dialog"/);
    expect(html).not.toMatch(/<input[^>]*\sname=/);
  });
});
