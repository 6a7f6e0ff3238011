// The record ids of one case entry, packed into one string (issue 19, heap at
// 50,000 cases): as a JS string an id costs about 50 bytes, and as a key of a
// per-case dictionary it also costs an internalised copy and a hash slot.
// Packed, a canonical lowercase UUID (every validated record id) is a 0 tag
// and its 16 bytes as one-byte chars; any other id (only a tampered row's)
// is its length + 1 as one char and then its chars verbatim. Pure.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Where the 16 byte pairs of a UUID start (the dashes skipped).
const PAIRS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const DASH_AFTER = new Set([3, 5, 7, 9]);

const nibble = (c: number): number => (c <= 57 ? c - 48 : c - 87);

/** The ids as one string (see above); `unpackIds` gives them back in order. */
export function packIds(ids: readonly string[]): string {
  const codes: number[] = [];
  for (const id of ids) {
    if (UUID.test(id)) {
      codes.push(0);
      for (const at of PAIRS) codes.push(nibble(id.charCodeAt(at)) * 16 + nibble(id.charCodeAt(at + 1)));
    } else {
      codes.push(id.length + 1);
      for (let i = 0; i < id.length; i++) codes.push(id.charCodeAt(i));
    }
  }
  // In slices: fromCharCode takes its codes as call arguments.
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** The ids packed by `packIds`, in order. */
export function unpackIds(packed: string): string[] {
  const ids: string[] = [];
  let i = 0;
  while (i < packed.length) {
    const tag = packed.charCodeAt(i++);
    if (tag === 0) {
      let id = '';
      for (let b = 0; b < 16; b++) {
        id += HEX[packed.charCodeAt(i + b)] ?? '';
        if (DASH_AFTER.has(b)) id += '-';
      }
      ids.push(id);
      i += 16;
    } else {
      ids.push(packed.slice(i, i + tag - 1));
      i += tag - 1;
    }
  }
  return ids;
}
