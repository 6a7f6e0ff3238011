// Verifies an exported Baken audit log on a laptop, offline:
//   npm run verify-audit -- <file.json> [--anchor <seq>-XXXX-XXXX-XXXX-XXXX]
// Runs the same verifier as the app (schema/audit-chain.ts, loaded through
// Vite's module runner) with SHA-256 from node:crypto. Exit code 0: valid;
// 1: invalid (the first broken link is printed in Dutch and English);
// 2: wrong use or unreadable file.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

/** @type {Record<string, string>} */
const reasonsEn = {
  format: 'this is not a valid Baken audit log.',
  altered: 'this is a Baken audit log, but it was changed: its content no longer fits the fixed format.',
  damaged:
    'this is a Baken audit log, but the file is incomplete or damaged and can no longer be read. It may have been downloaded only in part, or changed: ask for or save a new audit log.',
  seq: 'a link is missing or out of place.',
  prev: 'the link does not point to the previous one.',
  hash: 'the content of the link was changed.',
  head: 'the end of the chain does not match.',
  checksum: 'the file envelope was changed.',
  anchor:
    'the anchor code does not match the link with that number. Check that it was copied correctly; if it was, the history up to that link was rewritten.',
  anchorPastEnd:
    'the chain in this file ends before the link the anchor code names. If the file was made before the code was noted, that explains it: check a newer audit log. Otherwise the history was cut off.',
};

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ file?: string, anchor?: string }} */
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--anchor') out.anchor = argv[++i];
    else if (arg?.startsWith('--anchor=')) out.anchor = arg.slice('--anchor='.length);
    else if (arg !== undefined && out.file === undefined) out.file = arg;
  }
  return out;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const args = parseArgs(process.argv.slice(2));
if (!args.file) {
  console.error('Gebruik / usage: npm run verify-audit -- <auditlog.json> [--anchor <seq>-XXXX-XXXX-XXXX-XXXX]');
  process.exit(2);
}

/** @type {{ module: typeof import('../schema/audit-chain') }} */
const chainImport = await runnerImport(`${root}schema/audit-chain.ts`, { configFile: false, logLevel: 'silent' });
/** @type {{ module: typeof import('../app/i18n/nl/export') }} */
const textImport = await runnerImport(`${root}app/i18n/nl/export.ts`, { configFile: false, logLevel: 'silent' });
const chain = chainImport.module;
const nl = textImport.module.exportScreen.log;

let text;
try {
  const info = await stat(args.file);
  if (info.size > chain.AUDIT_LOG_MAX_BYTES) {
    console.error(`${nl.fileTooLarge}\nThis file is larger than 20 MB: not a Baken audit log.`);
    process.exit(1);
  }
  text = await readFile(args.file, 'utf8');
} catch (e) {
  console.error(`Kan het bestand niet lezen / cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}

/** @param {Uint8Array} data */
const sha256 = (data) => new Uint8Array(createHash('sha256').update(data).digest());
const verdict = await chain.verifyAuditChain(text, sha256, { anchor: args.anchor });

if (verdict.valid) {
  console.log(nl.valid(verdict.events, verdict.anchor));
  console.log(
    `Valid: the chain of ${verdict.events} events holds together.${verdict.anchor ? ` Anchor code of this file: ${verdict.anchor}.` : ''}`,
  );
  if (args.anchor)
    console.log(
      `${nl.validAnchor}\nThe anchor code you gave is in the chain: up to that link the history was not rewritten.`,
    );
  else
    console.log(
      `${nl.validNoAnchor}\nOnly an anchor code noted earlier shows that nothing was rewritten: whoever has the file can compute a whole new chain.`,
    );
  console.log(`${nl.personalData}\nThis file is pseudonymised personal data: keep and share it as personal data.`);
  process.exit(0);
}
console.log(nl.invalid(verdict.firstBrokenSeq, nl.reasons[verdict.reason]));
console.log(
  verdict.firstBrokenSeq === null
    ? `Invalid: ${reasonsEn[verdict.reason]}`
    : `Invalid from link ${verdict.firstBrokenSeq}: ${reasonsEn[verdict.reason]}`,
);
process.exit(1);
