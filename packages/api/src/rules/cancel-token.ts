/**
 * The signed token of a guest's cancel link (issue 17): `/cancel?token=...` cancels without typing the
 * code. The token is the reservation's id and an HMAC-SHA256 over a domain-separated message naming it,
 * under a key every process shares (app_secrets 'cancel_token_key'): URL-safe base64 without padding,
 * 43 characters (16 bytes of id, 16 bytes of MAC). It names one reservation and nothing else, so a
 * cancelled or past reservation's token is refused by the same rules as its code.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What the MAC is computed over, before the id's bytes: no other HMAC under this key can collide with a token. */
const DOMAIN = 'tablebook/cancel-token/v1\n';
const ID_BYTES = 16;
const MAC_BYTES = 16;
const TOKEN_LENGTH = Math.ceil(((ID_BYTES + MAC_BYTES) * 8) / 6);
const MIN_KEY_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_-]+$/;

function checkKey(key: Buffer | Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.byteLength < MIN_KEY_BYTES) {
    throw new TypeError(`a cancel-token key must be at least ${MIN_KEY_BYTES} bytes`);
  }
}

function macOf(id: Buffer, key: Buffer | Uint8Array): Buffer {
  return createHmac('sha256', key).update(DOMAIN, 'utf8').update(id).digest().subarray(0, MAC_BYTES);
}

const idBytes = (reservationId: string) => Buffer.from(reservationId.replaceAll('-', ''), 'hex');

function idText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The token of a reservation's cancel link. Throws for an id that is no UUID or a key under 16 bytes (programming errors). */
export function signCancelToken(reservationId: string, key: Buffer | Uint8Array): string {
  checkKey(key);
  if (!UUID.test(reservationId)) throw new TypeError('a cancel token names a reservation by its UUID');
  const id = idBytes(reservationId);
  return Buffer.concat([id, macOf(id, key)]).toString('base64url');
}

/**
 * The reservation id (lower-case UUID) a token names, or null for anything that is not a token signed
 * under `key`: wrong length or alphabet, tampered, truncated, another key. Never throws for any token
 * (a key under 16 bytes is a programming error and does).
 */
export function verifyCancelToken(token: string, key: Buffer | Uint8Array): string | null {
  checkKey(key);
  if (typeof token !== 'string' || token.length !== TOKEN_LENGTH || !TOKEN.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== ID_BYTES + MAC_BYTES) return null;
  // One token per reservation: the spare bits of the last character must be zero, as the signer writes them.
  if (bytes.toString('base64url') !== token) return null;
  const id = bytes.subarray(0, ID_BYTES);
  if (!timingSafeEqual(bytes.subarray(ID_BYTES), macOf(id, key))) return null;
  return idText(id);
}
