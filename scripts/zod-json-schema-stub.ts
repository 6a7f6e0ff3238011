// Build-only (issue 19, JS bytes): zod 4 classic attaches JSON Schema
// conversion to every schema (`toJSONSchema()`, `~standard.jsonSchema`), so
// its converter (~5 KiB gzip) is in every chunk that uses zod, although Baken
// never converts a schema to JSON Schema. This plugin replaces zod's two
// converter modules with stubs that throw when called. What zod's parsing does
// need from them is kept: `aggregateChecks` (the `minLength` etc. getters),
// taken from zod's own source. Tests run against the real modules.
// It also replaces zod's English error texts (the `en` locale, which zod 4
// registers on the first schema made): Baken never shows them. Forms and
// errors show Dutch texts chosen by each issue's code or the schema's own
// code (app/ui/use-operation-form.ts `issueCode`, app/i18n/error-text.ts); in
// the build an issue without its own message reads zod's "Invalid input".
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const PROCESSORS = /[\\/]zod[\\/]v4[\\/]core[\\/]json-schema-processors\.js$/;
const CONVERTER = /[\\/]zod[\\/]v4[\\/]core[\\/]to-json-schema\.js$/;
const EN_LOCALE = /[\\/]zod[\\/]v4[\\/]locales[\\/]en\.js$/;
const UNSUPPORTED = `const unsupported = () => { throw new Error('JSON Schema conversion is not part of this build'); };\n`;

function exportedNames(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/^export (?:const|function|let) (\w+)/gm)) if (m[1]) names.add(m[1]);
  for (const m of code.matchAll(/^export \{([^}]*)\}/gm))
    for (const part of (m[1] ?? '').split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  return [...names];
}

export function zodJsonSchemaStubPlugin(): Plugin {
  return {
    name: 'baken-zod-json-schema-stub',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0] ?? id;
      if (PROCESSORS.test(file)) {
        const code = readFileSync(file, 'utf8');
        const cut = code.indexOf('const formatMap = {');
        if (cut < 0 || !code.includes('export function aggregateChecks')) throw new Error(`zod changed: ${file}`);
        // Keep the check aggregation (and its imports from util.js); stub every converter export.
        const kept = code
          .slice(0, cut)
          .split('\n')
          .filter((line) => !/^import .* from "\.\/(regexes|schemas|to-json-schema)\.js";$/.test(line))
          .join('\n');
        const stubs = exportedNames(code.slice(cut))
          .map((name) => `export const ${name} = unsupported;`)
          .join('\n');
        return `${kept}\n${UNSUPPORTED}${stubs}\n`;
      }
      if (CONVERTER.test(file)) {
        const code = readFileSync(file, 'utf8');
        const names = exportedNames(code);
        if (!names.includes('createToJSONSchemaMethod')) throw new Error(`zod changed: ${file}`);
        // The two factories run when a schema is made; the methods they return throw when called.
        const factories = new Set(['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod']);
        return `${UNSUPPORTED}${names
          .map((name) => `export const ${name} = ${factories.has(name) ? '() => unsupported' : 'unsupported'};`)
          .join('\n')}\n`;
      }
      if (EN_LOCALE.test(file)) {
        const code = readFileSync(file, 'utf8');
        if (exportedNames(code).length > 0 || !code.includes('export default function'))
          throw new Error(`zod changed: ${file}`);
        // No locale error map: zod falls back to its one generic text.
        return 'export default function () {\n  return {};\n}\n';
      }
      return null;
    },
  };
}
