/**
 * HMAC signatures under the Worker's LINK_SECRET. Each use signs a message with its own prefix
 * so that a signature made for one purpose never verifies for another: personal links (a contact
 * id), form nonces (a fresh answer id and the time the form was served), answer tokens (which
 * answer a follow-up page may complete) and IP hashes.
 */

const encoder = new TextEncoder();
/** Signatures are truncated to 128 bits: plenty against forgery, short enough for a link. */
const MAC_BYTES = 16;

let cachedKey: { secret: string; key: Promise<CryptoKey> } | undefined;

function hmacKey(secret: string): Promise<CryptoKey> {
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

async function mac(secret: string, purpose: string, ...parts: string[]): Promise<Uint8Array> {
  // Length-prefixed parts: no two different lists of parts give the same message.
  const message = [purpose, ...parts.map((part) => `${part.length}:${part}`)].join("\u0000");
  const full = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(message));
  return new Uint8Array(full, 0, MAC_BYTES);
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && crypto.subtle.timingSafeEqual(a, b);
}

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * Decodes canonical base64url only: a text whose unused low bits are set (another spelling of the
 * same bytes) is refused, so that any altered character of a signature makes it invalid.
 */
export function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  let bytes: Uint8Array;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
  return base64url(bytes) === text ? bytes : null;
}

/** A random id of `bytes` bytes, base64url (survey ids: 16 bytes → 22 characters). */
export function randomId(bytes = 16): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Formats 16 random bytes as an RFC 4122 version 4 UUID (the answer ids). */
function uuidFrom(bytes: Uint8Array): string {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A `k=` signature binding a contact id to a scope, for one purpose. */
async function signFor(purpose: string, secret: string, scope: string, contactId: string): Promise<string> {
  return base64url(await mac(secret, purpose, scope, contactId));
}

async function verifyFor(
  purpose: string,
  secret: string,
  scope: string,
  contactId: string,
  signature: string,
): Promise<boolean> {
  const given = fromBase64url(signature);
  return given !== null && equal(given, await mac(secret, purpose, scope, contactId));
}

/** The `k=` signature of a personal link: binds the contact id to the survey. */
export const signContact = (secret: string, surveyId: string, contactId: string) =>
  signFor("contact", secret, surveyId, contactId);
export const verifyContact = (secret: string, surveyId: string, contactId: string, signature: string) =>
  verifyFor("contact", secret, surveyId, contactId, signature);

/** The `k=` signature of an unsubscribe link: binds the contact id to the workspace. */
export const signOptOut = (secret: string, workspaceId: string, contactId: string) =>
  signFor("optout", secret, workspaceId, contactId);
export const verifyOptOut = (secret: string, workspaceId: string, contactId: string, signature: string) =>
  verifyFor("optout", secret, workspaceId, contactId, signature);

/**
 * The mark a page opened from an email's score button carries: the tapped score, signed with the
 * page's own nonce, so a quick confirm of that score can be told from a form sent fast by a script.
 */
export const signTap = async (secret: string, nonce: string, score: number) =>
  `${score}.${await signFor("tap", secret, nonce, String(score))}`;
export async function verifyTap(secret: string, nonce: string, tapped: string): Promise<number | null> {
  const m = /^(\d{1,2})\.([A-Za-z0-9_-]+)$/.exec(tapped);
  if (!m) return null;
  return (await verifyFor("tap", secret, nonce, m[1] as string, m[2] as string)) ? Number(m[1]) : null;
}

export interface Nonce {
  /** The id a new answer sent with this form gets: a retry of the same form finds the same row. */
  responseId: string;
  /** When the form was served (ms since the epoch): how fast the answer came, and which form is newer. */
  issuedAt: number;
}

/**
 * A form nonce: 16 random bytes (the new answer's id) and the serving time, signed. It is the
 * idempotency key of a submission, and it cannot be forged, so neither the id nor the time can
 * be chosen by a client.
 */
export async function newNonce(secret: string, surveyId: string, now: number): Promise<string> {
  const payload = new Uint8Array(22);
  const random = crypto.getRandomValues(new Uint8Array(16));
  random[6] = ((random[6] as number) & 0x0f) | 0x40; // UUID version 4
  random[8] = ((random[8] as number) & 0x3f) | 0x80; // RFC 4122 variant
  payload.set(random, 0);
  let time = Math.floor(now);
  for (let i = 21; i >= 16; i--) {
    payload[i] = time % 256;
    time = Math.floor(time / 256);
  }
  const body = base64url(payload);
  return `${body}.${base64url(await mac(secret, "nonce", surveyId, body))}`;
}

export async function readNonce(secret: string, surveyId: string, nonce: string): Promise<Nonce | null> {
  const [body, signature, extra] = nonce.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const payload = fromBase64url(body);
  const given = fromBase64url(signature);
  if (payload?.length !== 22 || !given) return null;
  if (!equal(given, await mac(secret, "nonce", surveyId, body))) return null;
  let issuedAt = 0;
  for (let i = 16; i < 22; i++) issuedAt = issuedAt * 256 + (payload[i] as number);
  return { responseId: uuidFrom(payload.subarray(0, 16)), issuedAt };
}

/** `r=`: lets the follow-up page (and a "change" link) of one answer edit that answer only. */
export async function signResponse(secret: string, surveyId: string, responseId: string): Promise<string> {
  return `${responseId}.${base64url(await mac(secret, "response", surveyId, responseId))}`;
}

export async function readResponseToken(secret: string, surveyId: string, token: string): Promise<string | null> {
  const [responseId, signature, extra] = token.split(".");
  if (!responseId || !signature || extra !== undefined || !/^[0-9a-f-]{36}$/.test(responseId)) return null;
  const given = fromBase64url(signature);
  return given && equal(given, await mac(secret, "response", surveyId, responseId)) ? responseId : null;
}

/**
 * A keyed hash of the respondent's network (an IPv4 address or an IPv6 /64, respondent/network.ts):
 * answers from one network can be counted without storing the address, and without a table of
 * all IPv4 hashes recovering it (the key is secret).
 */
export async function hashIp(secret: string, ip: string): Promise<string> {
  const bytes = await mac(secret, "ip", ip);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** `p=` of a survey's preview page: lets the team see any survey's page, closed or not, recording nothing. */
export async function signPreview(secret: string, surveyId: string): Promise<string> {
  return base64url(await mac(secret, "preview", surveyId));
}

export async function verifyPreview(secret: string, surveyId: string, p: string): Promise<boolean> {
  const given = fromBase64url(p);
  return given !== null && equal(given, await mac(secret, "preview", surveyId));
}
