// Runs Argon2id off the main thread. In a browser each derivation gets a
// fresh dedicated worker (kdf-worker.ts, loaded lazily: neither the worker
// nor the wasm is on the lock screen's critical path). Where there is no
// Worker (vitest in node) the same code runs in-process.
// Trusted Types: the worker's URL goes through the page's one policy
// (script-url-policy.ts), which allows only our own worker and SW files.
import type * as KdfArgon2 from './kdf-argon2';
import { trustedScriptUrl } from './script-url-policy';

interface Argon2idInput {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: Uint8Array<ArrayBuffer>;
}

type WorkerReply = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string };

function canUseWorker(): boolean {
  return typeof window !== 'undefined' && typeof Worker !== 'undefined';
}

async function inWorker(
  secret: Uint8Array<ArrayBuffer>,
  p: Argon2idInput,
  length: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const { default: url } = await import('./kdf-worker?worker&url');
  const worker = new Worker(trustedScriptUrl(url) as string, { type: 'module', name: 'baken-kdf' });
  try {
    return await new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.ok) resolve(reply.bytes);
        else reject(new Error(`Argon2id failed: ${reply.message}`));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(`Argon2id worker failed: ${event.message}`));
      };
      const copy = new Uint8Array(secret);
      worker.postMessage(
        {
          secret: copy,
          salt: new Uint8Array(p.salt),
          memoryKiB: p.memoryKiB,
          iterations: p.iterations,
          parallelism: p.parallelism,
          length,
        },
        [copy.buffer],
      );
    });
  } finally {
    worker.terminate();
  }
}

/** Argon2id output bytes for already checked parameters (crypto.ts checks them). */
export async function argon2idBytes(
  secret: Uint8Array<ArrayBuffer>,
  p: Argon2idInput,
  length: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (canUseWorker()) return inWorker(secret, p, length);
  // No worker: node (vitest, Playwright's test process). The specifier is
  // opaque to Vite on purpose, so the wasm ships once, inside the worker.
  const module = './kdf-argon2';
  const { runArgon2id } = (await import(/* @vite-ignore */ module)) as typeof KdfArgon2;
  return runArgon2id({
    secret,
    salt: p.salt,
    memoryKiB: p.memoryKiB,
    iterations: p.iterations,
    parallelism: p.parallelism,
    length,
  });
}
