import { describe, expect, it } from 'vitest';

import { routes } from '../../shell/routes';
import { lock } from '../../i18n/nl/lock';
import { staticLockScreen, staticMenu } from '../../../scripts/lock-screen-html';

describe('the lock screen in index.html', () => {
  it('has the same main menu as the app', () => {
    expect(staticMenu).toEqual(routes.filter((r) => r.inMenu).map((r) => ({ path: r.path, title: r.title })));
  });

  it('is the unlock form and the knowledge links, with no script and no way to put the passphrase in a URL', () => {
    const html = staticLockScreen();
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    expect(html).toContain('<form method="dialog"');
    expect(html).toMatch(/<input id="static-passphrase"[^>]*type="password"/);
    expect(html).not.toMatch(/<input[^>]*\sname=/);
    expect(html).toContain(lock.unlockTitle);
    for (const href of ['/stappenplan', '/verwijzingen', '/vlaggensysteem', '/begrippen']) {
      expect(html).toContain(`href="${href}"`);
    }
  });
});
