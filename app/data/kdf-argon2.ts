// Argon2id itself: hash-wasm's WebAssembly build (RFC 9106, version 0x13).
// Imported only by the KDF worker (kdf-worker.ts) and, where there is no
// worker (node tests), by kdf.ts, so the wasm never loads on the lock
// screen's critical path. Compiling it needs CSP 'wasm-unsafe-eval'.
import { argon2id } from 'hash-wasm';

export interface Argon2idRequest {
  secret: Uint8Array<ArrayBuffer>;
  salt: Uint8Array<ArrayBuffer>;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  length: number;
}

/** Raw Argon2id output bytes. Parameters are checked by the caller (crypto.ts). */
export async function runArgon2id(r: Argon2idRequest): Promise<Uint8Array<ArrayBuffer>> {
  const out = await argon2id({
    password: r.secret,
    salt: r.salt,
    memorySize: r.memoryKiB,
    iterations: r.iterations,
    parallelism: r.parallelism,
    hashLength: r.length,
    outputType: 'binary',
  });
  return new Uint8Array(out);
}
