// App-wide never-images guard (DOMAIN.md "The hard rule: never images"):
// refuses paste and drop of files or images anywhere, and pasted text that
// carries image data. It listens in the capture phase on the document, so no
// field ever receives the content and nothing is stored.
import { useSyncExternalStore } from 'react';
import { containsImageData } from '../../schema/image-data';

export type GuardRefusal = 'pastedFile' | 'droppedFile' | 'pastedImageText' | 'droppedImageText';

let refusal: GuardRefusal | null = null;
const listeners = new Set<() => void>();

function setRefusal(next: GuardRefusal | null): void {
  refusal = next;
  for (const listener of listeners) listener();
}

export function dismissRefusal(): void {
  setRefusal(null);
}

export function useGuardRefusal(): GuardRefusal | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => refusal,
    () => null,
  );
}

function carriesFiles(data: DataTransfer | null): boolean {
  if (!data) return false;
  if (data.files.length > 0) return true;
  for (const item of Array.from(data.items)) {
    if (item.kind === 'file' || item.type.startsWith('image/')) return true;
  }
  return Array.from(data.types).some((type) => type === 'Files' || type.startsWith('image/'));
}

/**
 * Image data in any text the transfer carries: plain text, HTML (also an <img>), a URI list (a dragged
 * or copied data: URL) or any other string type, as the field would receive whichever it prefers.
 */
function carriesImageText(data: DataTransfer | null): boolean {
  if (!data) return false;
  return Array.from(data.types).some((type) => {
    if (type === 'Files') return false;
    const text = data.getData(type);
    return text !== '' && (containsImageData(text) || (type === 'text/html' && /<img[\s>]/i.test(text)));
  });
}

function refuse(event: Event, reason: GuardRefusal): void {
  event.preventDefault();
  event.stopImmediatePropagation();
  setRefusal(reason);
}

function onPaste(event: ClipboardEvent): void {
  if (carriesFiles(event.clipboardData)) refuse(event, 'pastedFile');
  else if (carriesImageText(event.clipboardData)) refuse(event, 'pastedImageText');
}

function onDragOver(event: DragEvent): void {
  // Without this the browser would open a dropped file in place of the app.
  if (carriesFiles(event.dataTransfer)) {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  }
}

function onDrop(event: DragEvent): void {
  if (carriesFiles(event.dataTransfer)) refuse(event, 'droppedFile');
  else if (carriesImageText(event.dataTransfer)) refuse(event, 'droppedImageText');
}

let installed = false;

/** Installs the document-level listeners once. */
export function installImageGuard(target: Document = document): void {
  if (installed) return;
  installed = true;
  target.addEventListener('paste', onPaste, true);
  target.addEventListener('dragover', onDragOver, true);
  target.addEventListener('drop', onDrop, true);
}
