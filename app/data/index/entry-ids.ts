// The record ids of one case entry, packed into one string (issue 19, heap at
// 50,000 cases): as a JS string an id costs about 50 bytes, and as a key of a
// per-case dictionary it also costs an internalised copy and a hash slot.
// Packed, a canonical lowercase UUID (every validated record id) is a 0 tag
// and its 16 bytes as one-byte chars; any other id (only a tampered row's)
// is its length + 1 as one char and then its chars verbatim. Pure.

// Hex digit values by char code (-1: not a lowercase hex digit); where a UUID's 16 byte pairs start.
const NIBBLE = Array.from({ length: 128 }, (_, c) => '0123456789abcdef'.indexOf(String.fromCharCode(c)));
const PAIRS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

// Appends a canonical lowercase UUID's tag and bytes to `codes`; false (nothing appended) for any other id.
function packUuid(id: string, codes: number[]): boolean {
  if (id.length !== 36 || id[8] !== '-' || id[13] !== '-' || id[18] !== '-' || id[23] !== '-') return false;
  const bytes = [0];
  for (const at of PAIRS) {
    const hi = NIBBLE[id.charCodeAt(at)] ?? -1;
    const lo = NIBBLE[id.charCodeAt(at + 1)] ?? -1;
    if (hi < 0 || lo < 0) return false;
    bytes.push(hi * 16 + lo);
  }
  codes.push(...bytes);
  return true;
}

/** The ids as one string (see above); `unpackIds` gives them back in order. */
export function packIds(ids: readonly string[]): string {
  const codes: number[] = [];
  for (const id of ids) {
    if (packUuid(id, codes)) continue;
    codes.push(id.length + 1);
    for (let i = 0; i < id.length; i++) codes.push(id.charCodeAt(i));
  }
  // In slices: fromCharCode takes its codes as call arguments.
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

// Two hex digits per byte value, for unpacking (run on every index write, for the shards it changes).
const HEX = Array.from({ length: 256 }, (_, b) => (256 + b).toString(16).slice(1));

/** The ids packed by `packIds`, in order. */
export function unpackIds(packed: string): string[] {
  const ids: string[] = [];
  for (let i = 0; i < packed.length;) {
    const tag = packed.charCodeAt(i++);
    if (tag === 0) {
      let id = '';
      for (let b = 0; b < 16; b++)
        id += (b === 4 || b === 6 || b === 8 || b === 10 ? '-' : '') + HEX[packed.charCodeAt(i++)];
      ids.push(id);
    } else ids.push(packed.slice(i, (i += tag - 1)));
  }
  return ids;
}
