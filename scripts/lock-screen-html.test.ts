import { describe, expect, it } from 'vitest';
import { stylesheetFirst } from './lock-screen-html';

describe('stylesheetFirst', () => {
  it('moves the entry stylesheet before the module script, once', () => {
    const html =
      '<head>\n    <script type="module" crossorigin src="/assets/index-a.js"></script>\n    <link rel="stylesheet" crossorigin href="/assets/index-b.css">\n</head>';
    const out = stylesheetFirst(html);
    expect(out.indexOf('index-b.css')).toBeLessThan(out.indexOf('index-a.js'));
    expect(out.match(/<link rel="stylesheet"/g)).toHaveLength(1);
    expect(out.match(/<script type="module"/g)).toHaveLength(1);
    expect(stylesheetFirst(out)).toBe(out);
  });
});
