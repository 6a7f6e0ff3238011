// Saving a file the worker asked for: a same-origin blob: URL and a hidden
// link. Nothing leaves the device.
import { useEffect, useRef, useState } from 'react';

/**
 * Offers `blob` as a download under `name` and returns its blob: URL.
 * The URL is revoked after `revokeAfterMs` (some browsers read the blob after
 * click() returns); pass null to keep it for a "download again" link and
 * revoke it yourself.
 */
export function offerDownload(blob: Blob, name: string, revokeAfterMs: number | null = 10_000): string {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  if (revokeAfterMs !== null) window.setTimeout(() => URL.revokeObjectURL(url), revokeAfterMs);
  return url;
}

/**
 * Offers bytes as a download and keeps the link for a second try (the backup
 * file). The previous URL is revoked when a new file is offered and on unmount.
 */
export function useDownloadAgain() {
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const current = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
    },
    [],
  );
  function offer(bytes: Uint8Array<ArrayBuffer>, name: string) {
    if (current.current) URL.revokeObjectURL(current.current);
    const url = offerDownload(new Blob([bytes], { type: 'application/octet-stream' }), name, null);
    current.current = url;
    setFile({ url, name });
  }
  return { file, offer };
}
