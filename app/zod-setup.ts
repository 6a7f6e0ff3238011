// Zod 4 compiles parsers with `new Function` unless told not to; our CSP has
// no 'unsafe-eval', so even its feature probe would log a CSP violation.
import { z } from 'zod';

z.config({ jitless: true });
