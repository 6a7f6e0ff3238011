// The build-only zod plugin: the English locale is replaced, and what Baken
// shows for an issue does not depend on zod's English texts.
import { createRequire } from 'node:module';

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { zodJsonSchemaStubPlugin } from './zod-json-schema-stub';

const require = createRequire(import.meta.url);
const enLocale = require.resolve('zod/v4/locales/en.js');

type Load = (id: string) => string | null;

describe('zodJsonSchemaStubPlugin', () => {
  const load = zodJsonSchemaStubPlugin().load as unknown as Load;

  it("replaces zod's English locale with an empty one and leaves other modules alone", () => {
    const stub = load(enLocale);
    expect(stub).toContain('export default function');
    expect(stub).not.toContain('Invalid');
    expect(load(require.resolve('zod/v4/locales/nl.js'))).toBeNull();
  });

  // The UI picks its Dutch text from a schema's own message, else from the issue's code and origin
  // (app/ui/use-operation-form.ts issueCode): none of them depends on zod's English texts.
  it("keeps a schema's own message, each issue's code and origin without English texts", () => {
    const schema = z.strictObject({
      kind: z.enum(['a', 'b']),
      items: z.array(z.string()).min(1),
      note: z.string().max(2, 'tooLong'),
    });
    const input = { kind: 'c', items: [], note: 'abc' };
    const english = schema.safeParse(input);
    // Without a locale error map (as in the build) zod gives an issue without its own message one generic text.
    const bare = schema.safeParse(input, { error: (issue) => issue.message ?? 'Invalid input' });
    const shape = (r: typeof english) =>
      r.success
        ? []
        : r.error.issues.map((i) => ({ path: i.path, code: i.code, origin: 'origin' in i ? i.origin : null }));
    expect(english.success).toBe(false);
    expect(shape(bare)).toEqual(shape(english));
    expect(shape(english).map((i) => i.code)).toEqual(['invalid_value', 'too_small', 'too_big']);
    expect(bare.success ? [] : bare.error.issues.map((i) => i.message)).toEqual([
      'Invalid input',
      'Invalid input',
      'tooLong',
    ]);
  });
});
