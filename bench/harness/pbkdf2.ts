// A small pure-JS PBKDF2-HMAC-SHA-256 (bench only). WebCrypto runs PBKDF2 on
// a browser worker thread, which CPU throttling does not slow down; this
// version runs on the page's own (throttled) main thread, to show what the
// 600,000-iteration choice costs where no native KDF is available.
// Checked against WebCrypto before it is timed (harness.ts).

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const IV = new Uint32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const w = new Uint32Array(64);

/** One SHA-256 compression: `out` = compress(`state`, 16-word `block`). `out` may be `state`. */
function compress(state: Uint32Array, block: Uint32Array, out: Uint32Array): void {
  for (let i = 0; i < 16; i++) w[i] = block[i] ?? 0;
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15] ?? 0;
    const b = w[i - 2] ?? 0;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) | 0;
  }
  let a = state[0] ?? 0;
  let b = state[1] ?? 0;
  let c = state[2] ?? 0;
  let d = state[3] ?? 0;
  let e = state[4] ?? 0;
  let f = state[5] ?? 0;
  let g = state[6] ?? 0;
  let h = state[7] ?? 0;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + (K[i] ?? 0) + (w[i] ?? 0)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  out[0] = ((state[0] ?? 0) + a) | 0;
  out[1] = ((state[1] ?? 0) + b) | 0;
  out[2] = ((state[2] ?? 0) + c) | 0;
  out[3] = ((state[3] ?? 0) + d) | 0;
  out[4] = ((state[4] ?? 0) + e) | 0;
  out[5] = ((state[5] ?? 0) + f) | 0;
  out[6] = ((state[6] ?? 0) + g) | 0;
  out[7] = ((state[7] ?? 0) + h) | 0;
}

/** SHA-256 of `bytes`, continuing from `state` after `prefixBytes` already hashed (a multiple of 64). */
function digest(state: Uint32Array, bytes: Uint8Array, prefixBytes: number): Uint32Array {
  const total = prefixBytes + bytes.length;
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor((total * 8) / 2 ** 32));
  view.setUint32(padded.length - 4, (total * 8) >>> 0);
  const out = new Uint32Array(state);
  const block = new Uint32Array(16);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) block[i] = view.getUint32(offset + i * 4);
    compress(out, block, out);
  }
  return out;
}

function toBytes(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const view = new DataView(out.buffer);
  words.forEach((word, i) => view.setUint32(i * 4, word));
  return out;
}

/** PBKDF2-HMAC-SHA-256 with a 32-byte output (one block), as Baken derives its KEK. */
export function pbkdf2Sha256(password: Uint8Array, salt: Uint8Array, iterations: number): Uint8Array {
  let key = password;
  if (key.length > 64) key = toBytes(digest(IV, key, 0));
  const ipad = new Uint8Array(64).fill(0x36);
  const opad = new Uint8Array(64).fill(0x5c);
  key.forEach((byte, i) => {
    ipad[i] = (ipad[i] ?? 0) ^ byte;
    opad[i] = (opad[i] ?? 0) ^ byte;
  });
  const toWords = (bytes: Uint8Array): Uint32Array => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return Uint32Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4));
  };
  const inner = new Uint32Array(8);
  const outer = new Uint32Array(8);
  compress(IV, toWords(ipad), inner);
  compress(IV, toWords(opad), outer);

  // U1 = HMAC(password, salt || INT(1))
  const first = new Uint8Array(salt.length + 4);
  first.set(salt);
  first[salt.length + 3] = 1;
  const innerDigest = digest(inner, first, 64);
  const u = digest(outer, toBytes(innerDigest), 64);
  const t = new Uint32Array(u);

  // Later rounds hash exactly 32 bytes after the 64-byte pad: one block each,
  // with the padding and the length (96 bytes = 768 bits) fixed.
  const block = new Uint32Array(16);
  block[8] = 0x80000000;
  block[15] = 768;
  const tmp = new Uint32Array(8);
  for (let i = 1; i < iterations; i++) {
    block.set(u, 0);
    compress(inner, block, tmp);
    block.set(tmp, 0);
    compress(outer, block, u);
    for (let j = 0; j < 8; j++) t[j] = (t[j] ?? 0) ^ (u[j] ?? 0);
  }
  return toBytes(t);
}
