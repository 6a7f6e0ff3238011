// Zod 4 compiles parsers with `new Function` unless told not to; our CSP has
// no 'unsafe-eval', so even its feature probe would log a CSP violation.
// `config` lives in zod's core, shared by zod and zod/mini, so setting it here
// does not pull the full schema library onto the lock screen's path.
import { config } from 'zod/v4/core';

config({ jitless: true });
