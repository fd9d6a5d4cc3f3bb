// RFC 6238 time-based one-time codes (HMAC-SHA1, 6 digits, 30 s steps — what the core's admin second factor
// accepts), computed here from the seeded admin's base32 secret the way an authenticator app would, so the browser
// test can type the code an admin would read off their phone. The server is never asked for a code.
import { createHmac } from 'node:crypto';

export const STEP_SECONDS = 30;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (no padding required) to bytes. */
export function base32(text) {
  const clean = text.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The time step `at` (ms since the epoch) falls in. */
export function stepOf(at = Date.now()) {
  return Math.floor(at / 1000 / STEP_SECONDS);
}

/** RFC 4226 HOTP of a counter: dynamic truncation of HMAC-SHA1, 6 decimal digits. */
export function codeFor(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** A six-digit code the server cannot accept now: none of the codes of the steps it allows (previous, current, next). */
export function wrongCode(secret, at = Date.now()) {
  const valid = new Set([-1, 0, 1, 2].map((d) => codeFor(secret, stepOf(at) + d)));
  let n = Number(codeFor(secret, stepOf(at)));
  do n = (n + 111_111) % 1_000_000; while (valid.has(String(n).padStart(6, '0')));
  return String(n).padStart(6, '0');
}
