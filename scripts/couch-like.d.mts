import type { IncomingMessage, ServerResponse } from 'node:http';
export function opaqueSeq(db: string, n: unknown): unknown;
export function readSince(db: string, since: string): string | undefined;
export function couchLike(
  app: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void;
