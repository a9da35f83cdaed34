import { createHash } from 'node:crypto';

/**
 * The same artwork under trivially different references (host case, default port, fragment,
 * query order, surrounding spaces) must give the same fingerprint. Storage keys that are not
 * URLs are only trimmed.
 */
export function normaliseArtworkRef(ref: string): string {
  const trimmed = ref.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  url.hash = '';
  url.searchParams.sort();
  return url.toString(); // URL already lower-cases scheme and host and drops default ports
}

export const artworkFingerprint = (ref: string): string => createHash('sha256').update(normaliseArtworkRef(ref)).digest('hex');
