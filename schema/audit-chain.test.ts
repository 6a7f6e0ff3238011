import { createHash, randomBytes } from 'node:crypto';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  GENESIS_PREV,
  AUDIT_LOG_DATA_CLASS,
  anchorOf,
  auditLogFileToText,
  buildAuditLogFile,
  exportedLink,
  linkAuditEvent,
  normalizeAnchor,
  verifyEventChain,
  reportAuditChains,
  splitAuditChains,
  openCommitment,
  verifyAuditChain,
} from './audit-chain';
import type { AuditLogFile, ChainHead, ExportedLink } from './audit-chain';
import { makeAuditEvent } from './factories';
import { auditActionSchema } from './records/audit';
import type { AuditEvent } from './records/audit';

const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest());
const salt = (): string => randomBytes(32).toString('hex');
const actions = auditActionSchema.options;

async function chainOf(count: number): Promise<{ events: AuditEvent[]; links: ExportedLink[] }> {
  const events: AuditEvent[] = [];
  let head: ChainHead | null = null;
  for (let i = 0; i < count; i++) {
    const event = makeAuditEvent({
      action: actions[i % actions.length],
      caseId: crypto.randomUUID(),
      at: new Date(Date.UTC(2026, 2, 1 + (i % 28), i % 24)).toISOString(),
      details: { count: i },
    });
    const linked = await linkAuditEvent(event, head, salt(), sha256);
    head = { seq: linked.chain.seq, hash: linked.chain.hash };
    events.push(linked);
  }
  return { events, links: events.map((e) => exportedLink(e as Parameters<typeof exportedLink>[0])) };
}

async function fileOf(links: readonly ExportedLink[]): Promise<AuditLogFile> {
  return buildAuditLogFile({ links, preChainEvents: 2, generatedOn: '2026-03-31' }, sha256);
}

describe('linking audit events', () => {
  it('starts at seq 0 after the genesis and links each event to the previous hash', async () => {
    const { events } = await chainOf(3);
    expect(events.map((e) => e.chain?.seq)).toEqual([0, 1, 2]);
    expect(events[0]?.chain?.prev).toBe(GENESIS_PREV);
    expect(events[1]?.chain?.prev).toBe(events[0]?.chain?.hash);
    expect(events[2]?.chain?.prev).toBe(events[1]?.chain?.hash);
  });

  it('lets the app open a commitment with the stored salt, and notices a changed case', async () => {
    const { events } = await chainOf(1);
    const event = events[0];
    if (!event) throw new Error('no event');
    expect(await openCommitment(event, sha256)).toBe(true);
    expect(await openCommitment({ ...event, caseId: crypto.randomUUID() }, sha256)).toBe(false);
  });

  it('exports only the action, the day and commitments: no case id, salt, exact time or details', async () => {
    const { events, links } = await chainOf(4);
    const text = auditLogFileToText(await fileOf(links));
    for (const event of events) {
      expect(text).not.toContain(event.caseId);
      expect(text).not.toContain(event.chain?.salt);
      expect(text).not.toContain(event.at);
      expect(text).not.toContain(event.id);
    }
    expect(text).not.toContain('count');
  });
});

describe('anchor codes', () => {
  // Issue 18: 80 bits (was 50) and the seq of the link they name.
  it('names the seq and shows 80 bits as four groups of four, and reads them back leniently', () => {
    const anchor = anchorOf({ seq: 41, hash: 'ff'.repeat(32) });
    expect(anchor).toBe('41-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(anchorOf({ seq: 0, hash: '00'.repeat(32) })).toBe('0-0000-0000-0000-0000');
    expect(normalizeAnchor('41-zzzz zzzz zzzz zzzz')).toEqual({ seq: 41, code: '41-ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
    expect(normalizeAnchor(' 7 - OOOO-IIII-LLLL-0000')).toEqual({ seq: 7, code: '7-0000-1111-1111-0000' });
    expect(normalizeAnchor('ZZZZZ-ZZZZZ')).toBeNull();
    expect(normalizeAnchor('3-ZZZZ-ZZZZ-ZZZZ')).toBeNull();
    expect(normalizeAnchor('3-UUUU-UUUU-UUUU-UUUU')).toBeNull();
  });

  it('carries 80 bits of the hash: hashes differing in bit 79 give different codes, in bit 80 the same', () => {
    const base = '00'.repeat(32);
    const bit79 = `${'00'.repeat(9)}01${'00'.repeat(22)}`;
    const bit80 = `${'00'.repeat(10)}80${'00'.repeat(21)}`;
    expect(anchorOf({ seq: 1, hash: bit79 })).not.toBe(anchorOf({ seq: 1, hash: base }));
    expect(anchorOf({ seq: 1, hash: bit80 })).toBe(anchorOf({ seq: 1, hash: base }));
  });
});

describe('verifyAuditChain', () => {
  it('accepts an untouched export and reports its head and anchor', async () => {
    const { links } = await chainOf(5);
    const file = await fileOf(links);
    const verdict = await verifyAuditChain(auditLogFileToText(file), sha256);
    expect(verdict).toEqual({
      valid: true,
      head: file.head,
      anchor: file.head ? anchorOf(file.head) : null,
      events: 5,
    });
  });

  it('refuses text nested far deeper than an audit log without parsing it', async () => {
    const hostile = `{"type":"baken-audit-log","version":1,"events":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(await verifyAuditChain(hostile, sha256)).toEqual({ valid: false, firstBrokenSeq: null, reason: 'altered' });
    expect(await verifyAuditChain(`${'['.repeat(100)}${']'.repeat(100)}`, sha256)).toMatchObject({ reason: 'format' });
    // A real export is far within the limit.
    const { links } = await chainOf(3);
    expect((await verifyAuditChain(auditLogFileToText(await fileOf(links)), sha256)).valid).toBe(true);
  });

  it('accepts an empty chain', async () => {
    const verdict = await verifyAuditChain(await fileOf([]), sha256);
    expect(verdict).toMatchObject({ valid: true, head: null, anchor: null, events: 0 });
  });

  it('accepts an older anchor that is still in the chain', async () => {
    const { links } = await chainOf(6);
    const link = links[2];
    if (!link) throw new Error('no link');
    const old = anchorOf(link);
    expect(await verifyAuditChain(await fileOf(links), sha256, { anchor: old.toLowerCase() })).toMatchObject({
      valid: true,
    });
  });

  it('matches an anchor only at the seq it names, not at any link', async () => {
    const { links } = await chainOf(6);
    const link = links[2];
    if (!link) throw new Error('no link');
    const moved = anchorOf(link).replace(/^2-/, '3-');
    // Link 3 exists but has another hash: named, so the auditor can check the code they typed.
    expect(await verifyAuditChain(await fileOf(links), sha256, { anchor: moved })).toEqual({
      valid: false,
      firstBrokenSeq: 3,
      reason: 'anchor',
    });
    // A link past the end of the log: the history after it is gone.
    const past = anchorOf(link).replace(/^2-/, '9-');
    expect(await verifyAuditChain(await fileOf(links), sha256, { anchor: past })).toEqual({
      valid: false,
      firstBrokenSeq: 6,
      reason: 'anchorPastEnd',
    });
  });

  it('refuses the older 50-bit anchors', async () => {
    const { links } = await chainOf(2);
    expect(await verifyAuditChain(await fileOf(links), sha256, { anchor: 'ABCDE-FGHJK' })).toEqual({
      valid: false,
      firstBrokenSeq: null,
      reason: 'anchor',
    });
  });

  it('refuses something that is not an audit log, naming no link', async () => {
    for (const input of ['{', '{}', JSON.stringify({ type: 'baken-backup' }), 42, null]) {
      expect(await verifyAuditChain(input, sha256)).toEqual({ valid: false, firstBrokenSeq: null, reason: 'format' });
    }
  });

  it('calls a Baken log that is cut off or no longer JSON damaged, not a stranger', async () => {
    const { links } = await chainOf(3);
    const text = auditLogFileToText(await fileOf(links));
    for (const broken of [
      text.slice(0, -1),
      text.slice(0, text.length / 2),
      `${text.slice(0, 40)}\u0000${text.slice(41)}`,
    ]) {
      expect(await verifyAuditChain(broken, sha256)).toEqual({ valid: false, firstBrokenSeq: null, reason: 'damaged' });
    }
    // Another file cut off stays "not an audit log".
    expect(await verifyAuditChain('{"type":"baken-backup","ver', sha256)).toEqual({
      valid: false,
      firstBrokenSeq: null,
      reason: 'format',
    });
  });

  it('calls a Baken log that no longer fits its format changed, naming the first link that does not fit', async () => {
    const { links } = await chainOf(5);
    const file = await fileOf(links);
    const edited = structuredClone(file) as unknown as { events: Array<Record<string, unknown>> };
    const third = edited.events[2];
    const fourth = edited.events[3];
    if (!third || !fourth) throw new Error('no link');
    third.action = 'iets anders';
    fourth.note = 'toegevoegd';
    expect(await verifyAuditChain(JSON.stringify(edited), sha256)).toEqual({
      valid: false,
      firstBrokenSeq: 2,
      reason: 'altered',
    });
    // Outside the links (an extra field on the file): changed, no link named.
    expect(await verifyAuditChain({ ...file, comment: 'x' }, sha256)).toEqual({
      valid: false,
      firstBrokenSeq: null,
      reason: 'altered',
    });
  });

  it('detects any single-character change anywhere in the exported file', async () => {
    const { links } = await chainOf(4);
    const text = auditLogFileToText(await fileOf(links));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: text.length - 1 }), fc.integer({ min: 0x20, max: 0x7e }), async (at, code) => {
        fc.pre(text.charCodeAt(at) !== code);
        const tampered = text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1);
        const verdict = await verifyAuditChain(tampered, sha256);
        expect(verdict.valid).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('detects a deleted link and names it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 8 }), fc.nat(), async (count, pick) => {
        const { links } = await chainOf(count);
        const at = pick % (count - 1); // not the last one: that is a truncation
        const tampered = links.filter((_, i) => i !== at);
        const verdict = await verifyAuditChain(await fileOf(tampered), sha256);
        expect(verdict).toMatchObject({ valid: false, firstBrokenSeq: at });
      }),
      { numRuns: 25 },
    );
  });

  it('detects two links that swapped places', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 8 }), fc.nat(), async (count, pick) => {
        const { links } = await chainOf(count);
        const at = pick % (count - 1);
        const tampered = [...links];
        const [a, b] = [tampered[at], tampered[at + 1]];
        if (!a || !b) throw new Error('missing link');
        tampered[at] = b;
        tampered[at + 1] = a;
        const verdict = await verifyAuditChain(await fileOf(tampered), sha256);
        expect(verdict).toMatchObject({ valid: false, firstBrokenSeq: at });
      }),
      { numRuns: 25 },
    );
  });

  it('detects an inserted link, even one with a correct hash of its own', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.nat(),
        fc.constantFrom(...actions),
        async (count, pick, action) => {
          const { links } = await chainOf(count);
          const at = pick % count; // insert before link `at`
          const before = links[at - 1];
          const head = before === undefined ? null : { seq: before.seq, hash: before.hash };
          const forged = await linkAuditEvent(makeAuditEvent({ action }), head, salt(), sha256);
          const tampered = [
            ...links.slice(0, at),
            exportedLink(forged as Parameters<typeof exportedLink>[0]),
            ...links.slice(at),
          ];
          const verdict = await verifyAuditChain(await fileOf(tampered), sha256);
          expect(verdict).toMatchObject({ valid: false, firstBrokenSeq: at + 1 });
        },
      ),
      { numRuns: 25 },
    );
  });

  it('detects a cut-off tail when the auditor gives an older anchor, even with a recomputed head', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 8 }), fc.nat(), fc.nat(), async (count, pickAnchor, pickCut) => {
        const { links } = await chainOf(count);
        const anchorAt = 1 + (pickAnchor % (count - 1));
        const anchoredLink = links[anchorAt];
        if (!anchoredLink) throw new Error('no link');
        const anchor = anchorOf(anchoredLink);
        const keep = pickCut % (anchorAt + 1); // keeps links 0..keep-1, so the anchored one is gone
        const truncated = await fileOf(links.slice(0, keep));
        expect(await verifyAuditChain(truncated, sha256)).toMatchObject({ valid: true });
        expect(await verifyAuditChain(truncated, sha256, { anchor })).toEqual({
          valid: false,
          firstBrokenSeq: keep,
          reason: 'anchorPastEnd',
        });
      }),
      { numRuns: 25 },
    );
  });

  it('detects a head that does not match the last link', async () => {
    const { links } = await chainOf(3);
    const file = await fileOf(links);
    const tampered = { ...file, head: { seq: 2, hash: links[1]?.hash ?? '' } };
    expect(await verifyAuditChain(tampered, sha256)).toMatchObject({ valid: false, reason: 'head', firstBrokenSeq: 2 });
  });

  it('names the first missing link when the last links were cut off (the head still names the end)', async () => {
    const { links } = await chainOf(4);
    const file = await fileOf(links);
    const cut = { ...file, events: file.events.slice(0, 3) };
    expect(await verifyAuditChain(cut, sha256)).toMatchObject({ valid: false, reason: 'seq', firstBrokenSeq: 3 });
  });
});

describe("verifyEventChain (a backup's audit log before restore re-links it)", () => {
  it('finds an untouched chain intact, in any order, and ignores events from before the chain', async () => {
    const { events } = await chainOf(6);
    const preChain = makeAuditEvent({ action: 'case.created' });
    expect(await verifyEventChain([...events].reverse().concat(preChain), sha256)).toEqual({ status: 'intact' });
    expect(await verifyEventChain([preChain], sha256)).toEqual({ status: 'none' });
  });

  it('finds a missing event, a changed case, time or action, and a forged link', async () => {
    const { events } = await chainOf(5);
    const at = (i: number): AuditEvent => {
      const event = events[i];
      if (!event) throw new Error('no event');
      return event;
    };
    const without2 = events.filter((_, i) => i !== 2);
    expect(await verifyEventChain(without2, sha256)).toEqual({ status: 'broken', firstBrokenSeq: 2 });
    const moved = events.map((e, i) => (i === 3 ? { ...e, caseId: crypto.randomUUID() } : e));
    expect(await verifyEventChain(moved, sha256)).toEqual({ status: 'broken', firstBrokenSeq: 3 });
    const retimed = events.map((e, i) =>
      i === 1 ? { ...e, at: new Date(Date.UTC(2026, 2, 1, 23, 59)).toISOString() } : e,
    );
    expect(await verifyEventChain(retimed, sha256)).toMatchObject({ status: 'broken', firstBrokenSeq: 1 });
    const relabelled = events.map((e, i) =>
      i === 4 ? { ...e, action: at(4).action === 'case.erased' ? 'case.created' : 'case.erased' } : e,
    );
    expect(await verifyEventChain(relabelled as AuditEvent[], sha256)).toEqual({ status: 'broken', firstBrokenSeq: 4 });
    const forged = events.map((e, i) =>
      i === 0 && e.chain ? { ...e, chain: { ...e.chain, hash: 'ab'.repeat(32) } } : e,
    );
    expect(await verifyEventChain(forged, sha256)).toEqual({ status: 'broken', firstBrokenSeq: 0 });
  });
});

describe('the label of an exported audit log', () => {
  it('says in the file that it is pseudonymised personal data, under the checksum', async () => {
    const { links } = await chainOf(3);
    const file = await fileOf(links);
    expect(file.dataClass).toBe(AUDIT_LOG_DATA_CLASS);
    expect(AUDIT_LOG_DATA_CLASS).toBe('gepseudonimiseerde-persoonsgegevens');
    expect(await verifyAuditChain(auditLogFileToText(file), sha256)).toMatchObject({ valid: true });
    const { dataClass: _label, ...unlabelled } = file;
    expect(await verifyAuditChain(unlabelled, sha256)).toEqual({
      valid: false,
      firstBrokenSeq: null,
      reason: 'checksum',
    });
  });

  it('still verifies a file made before the label existed', async () => {
    const { links } = await chainOf(2);
    const { dataClass: _label, checksum: _sum, ...body } = await fileOf(links);
    const last = links[links.length - 1];
    const oldText = [
      'baken-audit-file/1',
      body.type,
      String(body.version),
      body.generatedOn,
      body.hashAlgorithm,
      String(body.preChainEvents),
      String(body.events.length),
      last === undefined ? '' : `${last.seq}:${last.hash}`,
    ].join('\n');
    const checksum = Buffer.from(sha256(new TextEncoder().encode(oldText))).toString('hex');
    expect(await verifyAuditChain({ ...body, checksum }, sha256)).toMatchObject({ valid: true, events: 2 });
  });
});

describe('audit chains of several devices (replicated by sync)', () => {
  it("splits two devices' merged events into their own chains, each verifying on its own", async () => {
    const a = await chainOf(4);
    const b = await chainOf(3);
    const merged = [...a.events, ...b.events].sort(() => Math.random() - 0.5);
    const chained = merged.filter((e): e is AuditEvent & { chain: NonNullable<AuditEvent['chain']> } => !!e.chain);
    const { chains, unattached } = splitAuditChains(chained);
    expect(unattached).toEqual([]);
    const byGenesis = new Map(chains.map((c) => [c.genesis, c.events.map((e) => e.id)]));
    expect(byGenesis.get(a.links[0]?.hash ?? '')).toEqual(a.events.map((e) => e.id));
    expect(byGenesis.get(b.links[0]?.hash ?? '')).toEqual(b.events.map((e) => e.id));
    expect(await verifyEventChain(merged, sha256)).toEqual({ status: 'intact' });
    const report = await reportAuditChains(merged, sha256);
    expect(report.unattached).toBe(0);
    expect(
      report.chains
        .map((c) => ({ head: c.head, events: c.events, verdict: c.verdict }))
        .sort((x, y) => x.events - y.events),
    ).toEqual([
      { head: { seq: 2, hash: b.links[2]?.hash }, events: 3, verdict: { status: 'intact' } },
      { head: { seq: 3, hash: a.links[3]?.hash }, events: 4, verdict: { status: 'intact' } },
    ]);
  });

  it("detects a tampered event replicated from another device, and names that device's chain", async () => {
    const a = await chainOf(4);
    const b = await chainOf(3);
    // Device A's event 2, altered on its way (its case changed): its commitment no longer opens.
    const tampered = a.events.map((e, i) => (i === 2 ? { ...e, caseId: crypto.randomUUID() } : e));
    const merged = [...b.events, ...tampered];
    expect(await verifyEventChain(merged, sha256)).toEqual({ status: 'broken', firstBrokenSeq: 2 });
    const report = await reportAuditChains(merged, sha256);
    const ofA = report.chains.find((c) => c.genesis === a.links[0]?.hash);
    const ofB = report.chains.find((c) => c.genesis === b.links[0]?.hash);
    expect(ofA?.verdict).toEqual({ status: 'broken', firstBrokenSeq: 2 });
    expect(ofB?.verdict).toEqual({ status: 'intact' });
    // A forged hash cuts the rest of A's chain loose: reported, not silently accepted.
    const forged = a.events.map((e, i) =>
      i === 1 && e.chain ? { ...e, chain: { ...e.chain, hash: 'cd'.repeat(32) } } : e,
    );
    const cut = await reportAuditChains([...b.events, ...forged], sha256);
    expect(cut.unattached).toBe(2);
    expect(await verifyEventChain([...b.events, ...forged], sha256)).toMatchObject({ status: 'broken' });
  });
});
