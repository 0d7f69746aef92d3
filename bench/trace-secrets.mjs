// What the trace generators of bench/traces.bench.mjs share: a seeded random source, a maker of
// a secret for each detector category (the values the generators plant and the manifest records),
// and the writer of a trace file with its manifest of where each planted secret stands.
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';

/** A deterministic random source (mulberry32) and helpers over it. */
export function randomSource(seedValue) {
  let seed = seedValue | 0;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const chars = (set, n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += set[Math.floor(rand() * set.length)];
    return s;
  };
  const uuid = () => `${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-${pick('89ab')}${chars(HEX, 3)}-${chars(HEX, 12)}`;
  return { rand, pick, int, chars, uuid };
}

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const HEX = '0123456789abcdef';

/** One maker per detector category, drawing from `r` (a randomSource). */
export function secretMakers(r) {
  const { pick, int, chars } = r;
  const b64url = (n) => chars(ALNUM + '-_', n);
  const luhnCard = () => {
    const d = [4, ...Array.from({ length: 14 }, () => int(0, 9))];
    let sum = 0;
    for (let i = 0; i < 15; i++) {
      let x = d[14 - i];
      if (i % 2 === 0) { x *= 2; if (x > 9) x -= 9; }
      sum += x;
    }
    d.push((10 - (sum % 10)) % 10);
    const s = d.join('');
    return `${s.slice(0, 4)} ${s.slice(4, 8)} ${s.slice(8, 12)} ${s.slice(12)}`;
  };
  return {
    email: () => `${pick(['jane.doe', 'm.rossi', 'ops-team', 'k.tanaka'])}${int(1, 999)}@${pick(['acme-corp.com', 'example-mail.org', 'contoso.io'])}`,
    phone: () => `(${int(201, 989)}) ${int(200, 989)}-${String(int(0, 9999)).padStart(4, '0')}`,
    credit_card: luhnCard,
    ssn: () => `${int(101, 665)}-${String(int(10, 99))}-${String(int(1000, 9999))}`,
    openai_api_key: () => `sk-proj-${chars(ALNUM, 48)}`,
    anthropic_api_key: () => `sk-ant-api03-${b64url(80)}`,
    aws_access_key: () => `AKIA${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    aws_secret_key: () => chars(ALNUM + '/+', 40),
    bearer_token: () => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${b64url(60)}.${b64url(43)}`,
    github_token: () => `ghp_${chars(ALNUM, 36)}`,
    google_api_key: () => `AIza${b64url(35)}`,
    azure_connection_string: () => `${chars(ALNUM + '+/', 86)}==`,
    generic_api_key_param: () => b64url(32),
    private_key: () => `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 6 }, () => chars(ALNUM + '+/', 64)).join('\n')}\n-----END RSA PRIVATE KEY-----`,
    slack_token: () => `xoxb-${int(1000000000, 9999999999)}-${int(1000000000, 9999999999)}-${chars(ALNUM, 24)}`,
    stripe_key: () => `sk_live_${chars(ALNUM, 24)}`,
    password_field: () => `Tr0ub4dor&${int(10, 99)}x`,
    sensitive_field: () => `hunter-${chars(ALNUM, 10)}`,
  };
}

/**
 * Writes a JSONL trace of about `bytes` and, beside it, a manifest of its planted secrets: where each
 * stands raw in the file (escaped once, or twice inside JSON held in a string). Every 50th line, from
 * the 25th, plants a secret of the next category in turn: `next(line, category)` (category null on
 * the other lines) returns the line's JSON text and the secret it planted (or null).
 */
export function writePlantedTrace(path, manifestPath, bytes, categories, next, manifestExtra = {}) {
  const fd = openSync(path, 'w');
  const planted = [];
  let written = 0;
  let line = 0;
  let buf = [];
  let bufLen = 0;
  while (written < bytes) {
    const category = line % 50 === 25 ? categories[(line / 50 | 0) % categories.length] : null;
    const { text, secret } = next(line, category);
    if (secret) {
      const once = JSON.stringify(secret).slice(1, -1);
      const twice = JSON.stringify(once).slice(1, -1);
      let at = text.indexOf(once);
      let raw = once;
      if (at < 0) { at = text.indexOf(twice); raw = twice; }
      if (at < 0) throw new Error(`planted ${category} not found in its line`);
      const byteStart = written + Buffer.byteLength(text.slice(0, at));
      planted.push({ line, column: at, endColumn: at + raw.length, category, byteStart, byteEnd: byteStart + Buffer.byteLength(raw), sha256: createHash('sha256').update(secret).digest('hex') });
    }
    const out = text + '\n';
    buf.push(out);
    bufLen += out.length;
    written += Buffer.byteLength(out);
    line++;
    if (bufLen > 1 << 20) { writeSync(fd, buf.join('')); buf = []; bufLen = 0; }
  }
  writeSync(fd, buf.join(''));
  closeSync(fd);
  writeFileSync(manifestPath, JSON.stringify({ lines: line, bytes: written, planted, ...manifestExtra }));
}
