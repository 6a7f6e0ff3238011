import type { IncomingMessage, ServerResponse } from 'node:http';
export function opaqueSeq(db: string, n: unknown): unknown;
export function readSince(db: string, since: string): string | undefined;
export const COUCH_MAX_DOCUMENT_SIZE: number;
export function documentBodySize(doc: Record<string, unknown>): number;
export function hasContentType(req: IncomingMessage, type: string): boolean;
export function acceptsType(req: IncomingMessage, type: string): boolean;
export function couchLike(
  app: (req: IncomingMessage, res: ServerResponse) => void,
  options?: { maxDocumentSize?: number },
): (req: IncomingMessage, res: ServerResponse) => void;
