// The word lists behind the passphrase policy (schema/passphrase-policy.ts),
// taken from zxcvbn-ts's own language packs and cut to their most frequent
// entries. The build emits them as one JSON asset (precached, so the policy
// works offline), fetched only by screens that set a passphrase: as data they
// cost no JS parse on any other screen. The asset also carries the curated
// suggestion words (scripts/passphrase-suggestions.ts). Unit tests call
// buildPassphraseDictionary() directly.
import { adjacencyGraphs, dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as en } from '@zxcvbn-ts/language-en';
import { dictionary as nlBe } from '@zxcvbn-ts/language-nl-be';
import type { Plugin } from 'vite';

import type { PassphraseDictionary } from '../schema/passphrase-policy';
import { commonPhrases, placeNames } from './passphrase-extra-words';
import { buildSuggestionWords } from './passphrase-suggestions';

export const passphraseDictionaryFile = 'passphrase-dictionary.json';

/** Most frequent entries kept per list (each list is ordered by frequency). */
const keep = {
  passwords: 20_000,
  nlCommonWords: 20_000,
  enCommonWords: 10_000,
  enFirstnames: 3_000,
  nlLastnames: 5_000,
} as const;

export function buildPassphraseDictionary(): PassphraseDictionary {
  return {
    source:
      '@zxcvbn-ts/language-common, language-nl-be, language-en (most frequent entries); place names and phrases (scripts/passphrase-extra-words.ts)',
    dictionary: {
      passwords: common.passwords.slice(0, keep.passwords),
      nlCommonWords: nlBe.commonWords.slice(0, keep.nlCommonWords),
      nlFirstnames: [...nlBe.boysFirstnames, ...nlBe.girlsFirstnames],
      nlLastnames: nlBe.lastnames.slice(0, keep.nlLastnames),
      enCommonWords: en.commonWords.slice(0, keep.enCommonWords),
      enFirstnames: en.firstnames.slice(0, keep.enFirstnames),
      placeNames: [...placeNames],
      commonPhrases: [...commonPhrases],
    },
    graphs: adjacencyGraphs as PassphraseDictionary['graphs'],
    // A place name is an early guess (placeNames): a suggestion never holds one (geel, leiden, luik …).
    suggestions: buildSuggestionWords().filter((word) => !placeNames.includes(word)),
  };
}

/** Emits the dictionary at build time and serves it in `vite dev`. */
export function passphraseDictionaryPlugin(): Plugin {
  return {
    name: 'baken-passphrase-dictionary',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: passphraseDictionaryFile,
        source: JSON.stringify(buildPassphraseDictionary()),
      });
    },
    configureServer(server) {
      server.middlewares.use(`/${passphraseDictionaryFile}`, (_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify(buildPassphraseDictionary()));
      });
    },
  };
}
