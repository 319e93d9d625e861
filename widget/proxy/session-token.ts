/**
 * Session tokens: what the browser holds instead of Agento's session ID.
 *
 * `token = base64url(upstreamId) + "." + base64url(HMAC-SHA256(secret, agentId, peerId, upstreamId))`
 *
 * The MAC binds the upstream session to the visitor (and agent) it was created for, so a token
 * copied to another visitor, or edited, fails verification before anything reaches Agento.
 * Each field is length-prefixed, so no two (peerId, upstreamId) pairs sign the same bytes.
 */
export interface SessionTokens {
  sign(peerId: string, upstreamId: string): Promise<string>;
  /** The upstream session ID, or null when the token is malformed, tampered with or someone else's. */
  verify(token: string, peerId: string): Promise<string | null>;
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAC_BYTES = 32;

export function createSessionTokens(secret: string, agentId: string): SessionTokens {
  const key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  const signedBytes = (peerId: string, upstreamId: string) =>
    lengthPrefixed(['agento-chat session v1', agentId, peerId, upstreamId]);

  return {
    async sign(peerId, upstreamId) {
      const mac = await crypto.subtle.sign('HMAC', await key, signedBytes(peerId, upstreamId));
      return `${toBase64Url(encoder.encode(upstreamId))}.${toBase64Url(new Uint8Array(mac))}`;
    },
    async verify(token, peerId) {
      const parts = parseToken(token);
      if (!parts) return null;
      // WebCrypto's verify compares in constant time, so timing reveals nothing about the MAC.
      const valid = await crypto.subtle.verify('HMAC', await key, parts.mac, signedBytes(peerId, parts.upstreamId));
      return valid ? parts.upstreamId : null;
    },
  };
}

function parseToken(token: string): { upstreamId: string; mac: Uint8Array<ArrayBuffer> } | null {
  const [id, mac, extra] = token.split('.');
  if (extra !== undefined || !id || !mac || !BASE64URL.test(id) || !BASE64URL.test(mac)) return null;
  try {
    const macBytes = fromBase64Url(mac);
    if (macBytes.length !== MAC_BYTES) return null;
    return { upstreamId: strictDecoder.decode(fromBase64Url(id)), mac: macBytes };
  } catch {
    return null; // a length base64 cannot have, or bytes that are not UTF-8
  }
}

/** Each field as a 4-byte big-endian length followed by its UTF-8 bytes. */
function lengthPrefixed(fields: readonly string[]): Uint8Array<ArrayBuffer> {
  const encoded = fields.map((field) => encoder.encode(field));
  const bytes = new Uint8Array(encoded.reduce((total, field) => total + 4 + field.length, 0));
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const field of encoded) {
    view.setUint32(offset, field.length);
    bytes.set(field, offset + 4);
    offset += 4 + field.length;
  }
  return bytes;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
