/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, it, expect } from 'vitest';
import {
  begrippenFileSchema,
  contentFiles,
  conversationFileSchema,
  criteria2021Ids,
  flagIds,
  legalFrameFileSchema,
  planSchema,
  practiceFileSchema,
  stappenplanFileSchema,
  verwijzingenFileSchema,
  vlaggensysteemFileSchema,
  type ContentFileName,
} from './content';

const contentDir = new URL('../public/content/', import.meta.url);
const jsonFiles = readdirSync(contentDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, contentDir), 'utf8')) as unknown;
}

function isContentFileName(name: string): name is ContentFileName {
  return Object.hasOwn(contentFiles, name);
}

const stappenplan = stappenplanFileSchema.parse(readJson('stappenplan.json'));
const vlaggen = vlaggensysteemFileSchema.parse(readJson('vlaggensysteem.json'));
const verwijzingen = verwijzingenFileSchema.parse(readJson('verwijzingen.json'));
const begrippen = begrippenFileSchema.parse(readJson('begrippen.json'));
const wetgeving = legalFrameFileSchema.parse(readJson('wetgeving.json'));
const gesprek = conversationFileSchema.parse(readJson('gesprek.json'));
const praktijk = practiceFileSchema.parse(readJson('praktijkvragen.json'));

type Path = readonly (string | number)[];

/** Deep copy of `root` with the property at `path` removed; throws if it was not there. */
function without(root: unknown, path: Path): unknown {
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) {
    node = (node as Record<string | number, unknown>)[key];
  }
  const last = path.at(-1);
  const record = node as Record<string | number, unknown>;
  if (last === undefined || !(last in record)) throw new Error(`nothing at ${path.join('.')}`);
  delete record[last];
  return copy;
}

/** Deep copy of `root` with the value at `path` replaced. */
function withValue(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) {
    node = (node as Record<string | number, unknown>)[key];
  }
  const last = path.at(-1);
  if (last === undefined) throw new Error('empty path');
  (node as Record<string | number, unknown>)[last] = value;
  return copy;
}

/** Every string value in a JSON tree, with the key it sits under; skips verbatim quotes. */
function ownTexts(node: unknown, skipKeys: ReadonlySet<string>, key = ''): { key: string; text: string }[] {
  if (typeof node === 'string') return [{ key, text: node }];
  if (Array.isArray(node)) return node.flatMap((item) => ownTexts(item, skipKeys, key));
  if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    // Verbatim source text may use source wording; language rules apply to our own text.
    if (record.quote === true) return [];
    return Object.entries(record)
      .filter(([k]) => !skipKeys.has(k))
      .flatMap(([k, v]) => ownTexts(v, skipKeys, k));
  }
  return [];
}

/**
 * Phone facts from DOMAIN.md ("Referral directory"), written out by hand so
 * any change to a number in the content has to be made here too.
 */
const phoneFacts = [
  { entryId: 'noodnummer-112', display: '112', tel: '112' },
  { entryId: 'child-focus', display: '116 000', tel: '116000' },
  { entryId: 'politie-be', display: '101', tel: '101' },
  { entryId: 'awel', display: '102', tel: '102' },
  { entryId: 'hulplijn-1712', display: '1712', tel: '1712' },
  { entryId: 'qpido', display: '06 - 29 33 80 64', tel: '0629338064' },
  { entryId: 'veilig-thuis', display: '0800-2000', tel: '08002000' },
  { entryId: 'helpwanted', display: '020-261 52 75', tel: '0202615275' },
  { entryId: 'slachtofferhulp-nl', display: '0900-0101', tel: '09000101' },
  { entryId: 'centrum-seksueel-geweld', display: '0800-0188', tel: '08000188' },
  { entryId: 'politie-nl', display: '0900-8844', tel: '09008844' },
] as const;

/** Numbers in directory texts that are not phone numbers (ages, house number, postcode). */
const nonPhoneNumbers = ['12', '17', '224', '1058'];

const knownSeeds = [
  '000_8b6da676571e0853.txt',
  '001_9ea639ea5e36f196.txt',
  '002_06d73b442a2ebbb5.txt',
  '003_21a53fe378712151.txt',
  '004_55597a38e14aba23.txt',
];

describe('content files', () => {
  it('has a schema for every json file in public/content', () => {
    expect(jsonFiles.length).toBeGreaterThan(0);
    expect(jsonFiles.filter((name) => !isContentFileName(name))).toEqual([]);
  });

  it('has a json file for every registered schema', () => {
    expect(Object.keys(contentFiles).sort()).toEqual(jsonFiles);
  });

  it.each(jsonFiles)('validates %s against its schema', (name) => {
    if (!isContentFileName(name)) throw new Error(`no schema for ${name}`);
    const result = contentFiles[name].safeParse(readJson(name));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it.each(jsonFiles)('gives %s a contentVersion and a kind that matches its name', (name) => {
    const data = readJson(name) as { contentVersion?: unknown; kind?: unknown };
    expect(data.contentVersion).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
    expect(`${String(data.kind)}.json`).toBe(name);
  });

  it.each(jsonFiles)('only cites known seed files or named public sources in %s', (name) => {
    const sources = ownTexts(readJson(name), new Set()).filter((t) => t.key === 'source');
    // Also collect sources inside verbatim quotes, which ownTexts skips.
    const raw = readFileSync(new URL(name, contentDir), 'utf8');
    const seedRefs = raw.match(/\d{3}_[0-9a-f]{16}\.txt/g) ?? [];
    expect(sources.length).toBeGreaterThan(0);
    expect(seedRefs.filter((s) => !knownSeeds.includes(s))).toEqual([]);
  });
});

describe('source and lastChecked are required', () => {
  const cases: { what: string; file: ContentFileName; data: unknown; path: Path }[] = [
    { what: 'a step', file: 'stappenplan.json', data: stappenplan, path: ['plans', 0, 'steps', 0, 'source'] },
    { what: 'a missing step', file: 'stappenplan.json', data: stappenplan, path: ['plans', 1, 'steps', 3, 'source'] },
    {
      what: 'a do/don’t item',
      file: 'stappenplan.json',
      data: stappenplan,
      path: ['plans', 0, 'steps', 0, 'doDont', 0, 'source'],
    },
    { what: 'a tip', file: 'stappenplan.json', data: stappenplan, path: ['plans', 0, 'tips', 0, 'source'] },
    { what: 'a plan', file: 'stappenplan.json', data: stappenplan, path: ['plans', 2, 'source'] },
    {
      what: 'a never-images point',
      file: 'stappenplan.json',
      data: stappenplan,
      path: ['neverImages', 'points', 0, 'source'],
    },
    { what: 'a criterion', file: 'vlaggensysteem.json', data: vlaggen, path: ['versions', 0, 'criteria', 0, 'source'] },
    { what: 'a flag', file: 'vlaggensysteem.json', data: vlaggen, path: ['flags', 0, 'source'] },
    { what: 'a referral entry', file: 'verwijzingen.json', data: verwijzingen, path: ['entries', 0, 'source'] },
    { what: 'a term', file: 'begrippen.json', data: begrippen, path: ['terms', 0, 'source'] },
    {
      what: 'a grooming phase',
      file: 'begrippen.json',
      data: begrippen,
      path: ['groomingPhases', 'phases', 0, 'source'],
    },
  ];

  it.each(cases)('rejects $what without a source', ({ file, data, path }) => {
    expect(contentFiles[file].safeParse(data).success).toBe(true);
    expect(contentFiles[file].safeParse(without(data, path)).success).toBe(false);
  });

  it.each(cases)('rejects $what with an empty or unnamed source', ({ file, data, path }) => {
    expect(contentFiles[file].safeParse(withValue(data, path, '  ')).success).toBe(false);
    expect(contentFiles[file].safeParse(withValue(data, path, 'internet')).success).toBe(false);
  });

  it('rejects a referral entry without lastChecked', () => {
    expect(verwijzingenFileSchema.safeParse(without(verwijzingen, ['entries', 0, 'lastChecked'])).success).toBe(false);
  });

  it('rejects a referral entry whose lastChecked is not an ISO date', () => {
    const bad = withValue(verwijzingen, ['entries', 0, 'lastChecked'], '21/11/2026');
    expect(verwijzingenFileSchema.safeParse(bad).success).toBe(false);
  });

  it('rejects unknown keys so a typo cannot hide a missing field', () => {
    const bad = withValue(verwijzingen, ['entries', 0, 'soruce'], 'x');
    expect(verwijzingenFileSchema.safeParse(bad).success).toBe(false);
  });
});

describe('referral directory', () => {
  const entryById = new Map(verwijzingen.entries.map((e) => [e.id, e]));

  it.each(phoneFacts)('lists $display for $entryId as in DOMAIN.md', ({ entryId, display, tel }) => {
    const entry = entryById.get(entryId);
    expect(entry?.phones).toContainEqual(expect.objectContaining({ display, tel }));
  });

  it('has no phone number that is not in the facts table', () => {
    const listed = verwijzingen.entries.flatMap((e) => e.phones.map((p) => `${e.id} ${p.display} ${p.tel}`));
    const facts = phoneFacts.map((f) => `${f.entryId} ${f.display} ${f.tel}`);
    expect(listed.sort()).toEqual([...facts].sort());
  });

  it('mentions no other numbers in its texts than the facts table and known non-phone numbers', () => {
    const skip = new Set([
      'id',
      'tel',
      'website',
      'email',
      'lastChecked',
      'contentVersion',
      'source',
      'kind',
      'from',
      'to',
    ]);
    const numbers = ownTexts(readJson('verwijzingen.json'), skip).flatMap(
      ({ text }) => text.match(/\d(?:[\d -]*\d)?/g) ?? [],
    );
    const allowed = new Set<string>([...phoneFacts.map((f) => f.display), ...nonPhoneNumbers]);
    expect(numbers.filter((n) => !allowed.has(n))).toEqual([]);
  });

  it('uses the digits of the displayed number as the tel link', () => {
    for (const entry of verwijzingen.entries) {
      for (const phone of entry.phones) expect(phone.tel).toBe(phone.display.replace(/\D/g, ''));
    }
  });

  it('lists Child Focus for Flanders only', () => {
    const childFocus = verwijzingen.entries.filter((e) => e.name.includes('Child Focus'));
    expect(childFocus.map((e) => e.id)).toEqual(['child-focus']);
    expect(childFocus[0]?.region).toBe('vlaanderen');
  });

  it('pins 112 at the top for both regions', () => {
    const first = verwijzingen.entries[0];
    expect(first?.id).toBe('noodnummer-112');
    expect(first?.pinned).toBe(true);
    expect(first?.region).toBe('beide');
    expect(verwijzingen.entries.filter((e) => e.pinned).map((e) => e.id)).toEqual(['noodnummer-112']);
  });

  it('stores the Qpido chat hours from seeds 000 and 001 in Amsterdam time', () => {
    expect(entryById.get('qpido')?.hours).toEqual({
      kind: 'weekly',
      timeZone: 'Europe/Amsterdam',
      slots: [
        { days: [1, 2, 3, 4, 5], from: '13:00', to: '17:00', label: 'chat' },
        { days: [1, 4], from: '19:30', to: '21:30', label: 'chat' },
      ],
      note: expect.any(String),
    });
  });

  it('marks hours as unknown for 1712 and Awel, whose hours are uncertain', () => {
    expect(entryById.get('hulplijn-1712')?.hours.kind).toBe('unknown');
    expect(entryById.get('awel')?.hours.kind).toBe('unknown');
  });
});

describe('step plans', () => {
  const planById = new Map(stappenplan.plans.map((p) => [p.id, p]));

  it('contains the Sexting 18-, Grooming 18- and CLB plans', () => {
    expect(stappenplan.plans.map((p) => p.title)).toEqual([
      'Sexting 18-',
      'Grooming 18-',
      'CLB-aanpak bij ongewenste sexting',
    ]);
  });

  it('shows step 4 of the Grooming plan as missing in the source, not invented', () => {
    const steps = planById.get('grooming-18')?.steps ?? [];
    expect(steps).toHaveLength(7);
    const step4 = steps.find((s) => s.number === 4);
    expect(step4?.missing).toBe(true);
    expect(step4).not.toHaveProperty('title');
    expect(step4).not.toHaveProperty('body');
    expect(steps.filter((s) => s.missing === true).map((s) => s.number)).toEqual([4]);
  });

  it('has seven complete steps in the Sexting plan and eight in the CLB plan', () => {
    const sexting = planById.get('sexting-18')?.steps ?? [];
    const clb = planById.get('clb-aanpak')?.steps ?? [];
    expect(sexting).toHaveLength(7);
    expect(clb).toHaveLength(8);
    expect([...sexting, ...clb].every((s) => s.missing !== true)).toBe(true);
  });

  it('marks exactly one CLB step as the moment to set a follow-up date', () => {
    const clb = planById.get('clb-aanpak')?.steps ?? [];
    const marked = clb.filter((s) => s.missing !== true && s.setsFollowUpDate === true);
    expect(marked.map((s) => s.id)).toEqual(['laten-rusten']);
  });

  it('gives the Qpido plans the tips of seed 000, including the never-secrecy tip', () => {
    for (const id of ['sexting-18', 'grooming-18']) {
      const tips = planById.get(id)?.tips ?? [];
      expect(tips.map((t) => t.text)).toContain('Beloof nooit geheimhouding.');
      expect(tips.every((t) => t.source === '000_8b6da676571e0853.txt')).toBe(true);
    }
  });

  it('says which types a plan covers by Baken’s choice, and only types it covers', () => {
    // Seed 000's Sexting 18- plan does not name sextortion.
    expect(planById.get('sexting-18')?.appliesToByChoice).toEqual(['sextortion']);
    const plan = stappenplan.plans[0];
    if (!plan) throw new Error('no plan');
    expect(planSchema.safeParse({ ...plan, appliesToByChoice: ['doxing'] }).success).toBe(false);
  });

  it('links every referral id in a step to an entry in the directory', () => {
    const ids = new Set(verwijzingen.entries.map((e) => e.id));
    const referred = stappenplan.plans.flatMap((p) =>
      p.steps.flatMap((s) => (s.missing === true ? [] : (s.referralIds ?? []))),
    );
    expect(referred.length).toBeGreaterThan(0);
    expect(referred.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('puts the never-images rule up front, sourced from seed 004', () => {
    expect(stappenplan.neverImages.source).toContain('004_55597a38e14aba23.txt');
    expect(stappenplan.neverImages.body).toMatch(/strafbaar/);
    expect(stappenplan.neverImages.points.some((p) => p.source.includes('003_21a53fe378712151.txt'))).toBe(true);
  });

  it('reminds about secrecy and images on every conversation step', () => {
    const conversationSteps = stappenplan.plans.flatMap((p) =>
      p.steps.filter((s) => s.missing !== true && /gesprek/.test(s.id)),
    );
    expect(conversationSteps.length).toBeGreaterThan(0);
    for (const step of conversationSteps) {
      expect(step.missing !== true && step.reminders).toEqual(expect.arrayContaining(['geheimhouding', 'beelden']));
    }
  });
});

describe('vlaggensysteem', () => {
  it('lists the six 2021 criteria and the four flags with their exported ids', () => {
    const v2021 = vlaggen.versions.find((v) => v.id === '2021');
    expect(v2021?.criteria.map((c) => c.id)).toEqual([...criteria2021Ids]);
    expect(vlaggen.flags.map((f) => f.id)).toEqual([...flagIds]);
  });

  it('marks the older NL criteria set as incomplete with a note', () => {
    const older = vlaggen.versions.find((v) => v.id === 'ouder-nl');
    expect(older?.complete).toBe(false);
    expect(older?.id === 'ouder-nl' && older.gapNote?.text).toBeTruthy();
  });

  it('says the flag is not a sum and that forwarding without consent is always transgressive', () => {
    expect(vlaggen.notASum.text).toMatch(/geen optelsom/);
    expect(vlaggen.alwaysTransgressive.map((r) => r.text).join(' ')).toMatch(
      /zonder toestemming.*altijd grensoverschrijdend/,
    );
  });
});

describe('glossary', () => {
  it('lists the five grooming phases of seed 001 in order, with a note that they are not a strict sequence', () => {
    expect(begrippen.groomingPhases.phases.map((p) => p.label)).toEqual([
      'Slachtofferselectie',
      'Informatie inwinnen en vertrouwen winnen',
      'Voorzien in behoefte',
      'Verleggen van grenzen',
      'Daadwerkelijk misbruik',
    ]);
    expect(begrippen.groomingPhases.note.text).toMatch(/niet strikt/);
  });

  it('contains the begrippenlijst of seed 002 as marked quotes', () => {
    const fromSeed002 = begrippen.terms.filter((t) => t.source === '002_06d73b442a2ebbb5.txt');
    expect(fromSeed002.map((t) => t.term).sort()).toEqual(
      ['Doxing', 'Exposing', 'Ongewenste sexting', 'Online weerbaarheid', 'Sexting misbruik', 'Slut shaming'].sort(),
    );
    expect(fromSeed002.every((t) => t.quote)).toBe(true);
  });
});

/**
 * DOMAIN.md: never "slachtoffer", "dader" or "kinderporno", and "exposing" only
 * where a source is quoted. A word in ‘…’ is mentioned, not used (e.g. "spreek
 * niet over ‘dader’"); compounds such as "SlachtofferWijzer" are names.
 */
const forbiddenWord = /(?<!‘)\b(slachtoffers?|daders?|kinderporno\w*|exposing)\b/i;

/** The text of every string and template literal in a TypeScript file, except object keys (enum ids such as `exposing:`). */
function stringLiterals(path: URL): string[] {
  const source = ts.createSourceFile(path.pathname, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    const isKey = ts.isPropertyAssignment(node.parent) && node.parent.name === node;
    if (!isKey && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) texts.push(node.text);
    if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) texts.push(node.text);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return texts;
}

const i18nDir = new URL('../app/i18n/', import.meta.url);
const catalogueFiles = readdirSync(i18nDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .sort();

describe('language rules in our own text', () => {
  // Names, ids and links may carry source wording (e.g. "Meldpunt Kinderporno").
  const skip = new Set(['id', 'name', 'website', 'email', 'source', 'appliesTo', 'incidentType', 'topics']);

  it.each(jsonFiles)('avoids slachtoffer, dader, kinderporno and exposing outside quotes in %s', (name) => {
    const offending = ownTexts(readJson(name), skip)
      .map((t) => t.text)
      .filter((t) => forbiddenWord.test(t));
    expect(offending).toEqual([]);
  });

  it('finds the interface catalogue', () => {
    expect(catalogueFiles).toContain('nl/case-types.ts');
    expect(catalogueFiles.length).toBeGreaterThan(20);
    // The scan sees the catalogue's strings, not its keys: this label exists, its enum key is skipped.
    expect(stringLiterals(new URL('nl/case-types.ts', i18nDir))).toContain('ongewenste sexting');
  });

  it.each(catalogueFiles)(
    'avoids slachtoffer, dader, kinderporno and exposing outside quotes in app/i18n/%s',
    (name) => {
      const offending = stringLiterals(new URL(name, i18nDir)).filter((t) => forbiddenWord.test(t));
      expect(offending).toEqual([]);
    },
  );

  it('catches the words in a catalogue string, and lets a quoted mention pass', () => {
    expect(forbiddenWord.test('exposing')).toBe(true);
    expect(forbiddenWord.test('De dader stuurde door.')).toBe(true);
    expect(forbiddenWord.test('Spreek niet over ‘slachtoffer’ en ‘dader’.')).toBe(false);
    expect(forbiddenWord.test('SlachtofferWijzer — folder over sexting')).toBe(false);
  });
});

/** Every object in a JSON tree that has a `source` key. */
function sourcedObjects(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(sourcedObjects);
  if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const own = 'source' in record ? [record] : [];
    return [...own, ...Object.values(record).flatMap(sourcedObjects)];
  }
  return [];
}

/** Named public sources: "publieke bron: " plus a name. */
const namedPublicSource = /^publieke bron: \S.{2,}/;
const bakenChoice = /^keuze van Baken: \S+/;

describe('every item names its source', () => {
  it.each(jsonFiles)('cites only a seed file, a named public source or a labelled Baken choice in %s', (name) => {
    const parts = sourcedObjects(readJson(name)).flatMap((o) => String(o.source).split('; '));
    expect(parts.length).toBeGreaterThan(0);
    const bad = parts.filter((p) => !knownSeeds.includes(p) && !namedPublicSource.test(p) && !bakenChoice.test(p));
    expect(bad).toEqual([]);
  });

  it.each(['wetgeving.json', 'gesprek.json', 'praktijkvragen.json'])(
    'sources every section, point, group and question of %s with a seed file or a named public source',
    (name) => {
      const objects = sourcedObjects(readJson(name));
      expect(objects.length).toBeGreaterThan(10);
      for (const o of objects) {
        const parts = String(o.source).split('; ');
        expect(
          parts.some((p) => knownSeeds.includes(p) || namedPublicSource.test(p)),
          String(o.text ?? o.id),
        ).toBe(true);
      }
    },
  );

  it('labels the evidence rule as Baken’s own, and seed 003 only for collecting evidence', () => {
    const evidence = stappenplan.neverImages.points.filter((p) => /bewijs/i.test(p.text));
    expect(evidence.find((p) => /niet in Baken/.test(p.text))?.source).toMatch(/^keuze van Baken: /);
    expect(evidence.find((p) => /verzamelen/.test(p.text))?.source).toBe('003_21a53fe378712151.txt');
  });

  it('gives the grooming-phase note a traceable source: Baken’s own choice, not an untitled study', () => {
    expect(begrippen.groomingPhases.note.source).toMatch(/^keuze van Baken: /);
    expect(begrippen.groomingPhases.note.text).not.toMatch(/onderzoek/i);
  });

  it('labels the Vlaggensysteem answer scale as Baken’s choice', () => {
    expect(vlaggen.bakenChoices.map((c) => c.source)).toEqual([expect.stringMatching(/^keuze van Baken: /)]);
  });

  it('credits the CLB approach to the PVOC Antwerpen PSF anchors, spelled out, not to “samen met Child Focus”', () => {
    const intro = stappenplan.plans.find((p) => p.id === 'clb-aanpak')?.intro?.text ?? '';
    expect(intro).toMatch(/ankerfiguren psychosociaal functioneren van de provinciale vormings- en ondersteuningscel/);
    expect(intro).not.toMatch(/PSF/);
    expect(intro).not.toMatch(/samen met Child Focus/);
  });

  it('marks the Qpido step that says “verspreider(s)” as the source’s own wording', () => {
    const step = stappenplan.plans
      .find((p) => p.id === 'sexting-18')
      ?.steps.find((s) => s.id === 'gesprek-verspreiders');
    expect(step && !step.missing ? step.body : '').toMatch(/verspreider\(s\)/);
    expect(step && !step.missing ? step.quote : undefined).toBe(true);
  });
});

describe('every entry shows when it was last checked', () => {
  it.each(jsonFiles)('has a lastChecked on every top-level entry of %s', (name) => {
    const data = readJson(name) as Record<string, unknown>;
    const entries = ['plans', 'entries', 'terms', 'versions', 'sections', 'gaps'].flatMap((key) =>
      Array.isArray(data[key]) ? (data[key] as Record<string, unknown>[]) : [],
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((e) => typeof e.lastChecked !== 'string').map((e) => e.id)).toEqual([]);
  });

  it('rejects a legal-frame section without lastChecked', () => {
    expect(legalFrameFileSchema.safeParse(without(wetgeving, ['sections', 0, 'lastChecked'])).success).toBe(false);
  });

  it('rejects a plan without lastChecked', () => {
    expect(stappenplanFileSchema.safeParse(without(stappenplan, ['plans', 0, 'lastChecked'])).success).toBe(false);
  });
});

describe('phone numbers across all content', () => {
  const skip = new Set([
    'id',
    'tel',
    'website',
    'email',
    'lastChecked',
    'contentVersion',
    'source',
    'kind',
    'from',
    'to',
  ]);
  /** Numbers of three or more digits that are not phone numbers: article, house number, postcode. */
  const nonPhone = new Set(['371', '224', '1058']);
  const isYear = (n: string) => /^(19|20)\d\d(-(19|20)\d\d)?$/.test(n);

  it.each(jsonFiles)('uses only phone numbers from DOMAIN.md’s table in %s', (name) => {
    const data = readJson(name);
    const phones = sourcedObjects(data).flatMap((o) =>
      Array.isArray(o.phones) ? (o.phones as { display: string }[]).map((p) => p.display) : [],
    );
    const allowed = new Set<string>(phoneFacts.map((f) => f.display));
    expect(phones.filter((p) => !allowed.has(p))).toEqual([]);
    // Anything that could be dialled: three or more digits, possibly grouped (e.g. "0800-2000").
    const numbers = ownTexts(data, skip).flatMap(({ text }) => text.match(/\d(?:[\d -]*\d)?/g) ?? []);
    const dialable = numbers.filter((n) => n.replace(/\D/g, '').length >= 3 && !/^\d{1,2}-\d{1,2}$/.test(n));
    expect(dialable.filter((n) => !allowed.has(n) && !nonPhone.has(n) && !isYear(n))).toEqual([]);
  });
});

describe('Rechtsgebied first: gaps instead of borrowed plans', () => {
  const referralIds = new Set(verwijzingen.entries.map((e) => e.id));

  it('has a gap note for each jurisdiction that only points to its own plans and to existing entries', () => {
    expect(stappenplan.gaps.map((g) => g.region).sort()).toEqual(['nederland', 'vlaanderen']);
    for (const gap of stappenplan.gaps) {
      for (const id of gap.referralIds) expect(referralIds.has(id), id).toBe(true);
    }
  });

  it('points the Flemish gap to the CLB approach and Child Focus', () => {
    const flemish = stappenplan.gaps.find((g) => g.region === 'vlaanderen');
    expect(flemish?.planIds).toEqual(['clb-aanpak']);
    expect(flemish?.referralIds).toContain('child-focus');
  });

  it('rejects a gap note that points to the other jurisdiction’s plan', () => {
    const bad = withValue(stappenplan, ['gaps', 0, 'planIds'], ['grooming-18']);
    expect(stappenplanFileSchema.safeParse(bad).success).toBe(false);
  });
});

describe('corrections in the directory', () => {
  const byId = new Map(verwijzingen.entries.map((e) => [e.id, e]));

  it('calls 101 the police emergency number and sends complaints to the local police', () => {
    const police = byId.get('politie-be');
    expect(police?.phones).toEqual([{ display: '101', tel: '101', label: 'noodnummer politie, niet voor een klacht' }]);
    expect(police?.helpsWith).toMatch(/lokale politie/);
    expect(police?.helpsWith).toMatch(/niet via 101/);
  });

  it('lists the police of both jurisdictions under sextortion and grooming', () => {
    for (const id of ['politie-be', 'politie-nl']) {
      expect(byId.get(id)?.topics).toEqual(expect.arrayContaining(['sextortion', 'grooming']));
    }
  });

  it('names Offlimits first', () => {
    expect(byId.get('meldpunt-kinderporno')?.name).toBe('Offlimits (Meldpunt Kinderporno)');
  });
});

describe('legal frame', () => {
  /** The article references seed 004 itself gives; the content may cite no others. */
  const seedArticles = [
    'art. 371/1 Sw',
    'art. 14 decreet leerlingenbegeleiding',
    'art. 28 BRW tot operationalisering van de leerlingenbegeleiding',
  ];

  it('covers when sexting is allowed, what is punishable, the jeugdrechter, the complaint and the school’s duty', () => {
    expect(wetgeving.sections.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'wanneer-mag-sexting',
        'wat-is-strafbaar',
        'jeugdrechter',
        'klacht-bij-politie',
        'geen-meldplicht',
      ]),
    );
  });

  it('says the law was reformed in 2022 and that a new Criminal Code applies since 8 April 2026', () => {
    expect(wetgeving.reformNote.text).toMatch(/2022/);
    expect(wetgeving.reformNote.text).toMatch(/8 april 2026/);
    expect(wetgeving.reformNote.text).toMatch(/geen nieuwe artikelnummers/);
    expect(wetgeving.sourceDate.text).toMatch(/2017-2018/);
  });

  it('cites no article number that seed 004 does not give', () => {
    const raw = readFileSync(new URL('wetgeving.json', contentDir), 'utf8');
    const cited = raw.match(/art\. \d+(?:\/\d+)?\w*/g) ?? [];
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((c) => !seedArticles.some((a) => a.startsWith(`${c} `)))).toEqual([]);
    const citations = wetgeving.sections.flatMap((s) => s.references ?? []).flatMap((r) => r.citation.split('; '));
    for (const c of citations.filter((c) => c.startsWith('art.'))) expect(seedArticles).toContain(c);
  });

  it('says a complaint is not obligatory, not anonymous and can be filed by a minor', () => {
    const texts = wetgeving.sections
      .find((s) => s.id === 'klacht-bij-politie')
      ?.points.map((p) => p.text)
      .join(' ');
    expect(texts).toMatch(/niet verplicht/);
    expect(texts).toMatch(/niet anoniem/);
    expect(texts).toMatch(/minderjarige kan zelf klacht/);
    expect(texts).toMatch(/verzamelaars/);
  });
});

describe('conversation guide and practice questions', () => {
  it('has the three motives of seed 001 to look into', () => {
    const motives = gesprek.sections.flatMap((s) => s.groups ?? []).find((g) => g.id === 'drie-beweegredenen');
    expect(motives?.points.map((p) => p.text.split(' =')[0])).toEqual([
      'Identiteit/Zelfbeeld',
      'Manipulatie',
      'Experimenteren',
    ]);
  });

  it('has seed 003’s medical check after physical contact and seed 004’s receiver actions', () => {
    const all = gesprek.sections.flatMap((s) => s.points.map((p) => p.text));
    expect(all).toContain('Doe een medische check na fysiek contact.');
    expect(all.some((t) => /moderator/.test(t))).toBe(true);
    expect(all.some((t) => /blokkeren/.test(t))).toBe(true);
  });

  it('names the KIS, Movisie, Pharos and Rutgers resources', () => {
    const section = gesprek.sections.find((s) => s.id === 'ouders-cultuursensitief');
    const text = JSON.stringify(section);
    for (const name of ['KIS', 'Movisie', 'Pharos', 'Rutgers']) expect(text).toContain(name);
  });

  it('has the CLB column of the preventiepiramide as a checklist, and says Child Focus holds no class talks', () => {
    const pyramid = praktijk.sections.find((s) => s.id === 'preventiepiramide');
    const checklist = pyramid?.groups?.find((g) => g.checklist === true);
    expect(checklist?.points.length).toBe(9);
    const text = JSON.stringify(praktijk);
    expect(text).toMatch(/geen klasgesprekken/);
    expect(text).toMatch(/ambtsgeheim/);
    expect(text).toMatch(/pedagogische begeleiding/);
  });
});
