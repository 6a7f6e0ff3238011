// Dedicated worker for Argon2id, so the lock screen stays responsive while a
// key is derived (~0.4 s, 46 MiB). One worker per derivation: kdf.ts
// terminates it afterwards, which also frees the memory.
import { runArgon2id } from './kdf-argon2';
import type { Argon2idRequest } from './kdf-argon2';

interface WorkerScope {
  onmessage: ((event: MessageEvent<Argon2idRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const request = event.data;
  runArgon2id(request).then(
    (bytes) => {
      request.secret.fill(0);
      scope.postMessage({ ok: true, bytes }, [bytes.buffer]);
    },
    (error: unknown) => {
      request.secret.fill(0);
      scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }, []);
    },
  );
};
