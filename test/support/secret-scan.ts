import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_LOG_DIR } from './errors';
import { testSecrets } from './test-secrets';

/**
 * The forms a secret can leak in: raw, URL-encoded, and base64 at each of the three byte alignments
 * it can have inside a longer base64 string (a Basic header, an encoded body). Only the base64
 * characters that depend on the secret alone are kept.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret)]);
  const bytes = Buffer.from(secret);
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64').replace(/=+$/, '');
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const form = encoded.slice([0, 2, 3][offset], end);
    if (form.length >= 12) forms.add(form);
  }
  return [...forms];
}

/** Which secrets (by their index in `secrets`) appear in `text`, in any of their forms. */
export function leakedSecrets(text: string, secrets: string[] = testSecrets()): number[] {
  return secrets.flatMap((secret, index) => (secretForms(secret).some((form) => text.includes(form)) ? [index] : []));
}

const SCAN_LOG = join(ERROR_LOG_DIR, `scans-${process.pid}.jsonl`);

/**
 * Scans something the suite produced but does not keep (an n8n execution's output, a log) right
 * away, and records only the result: what it was, how big, which secrets showed. The closing summary
 * adds these up and fails the run on any hit.
 */
export function scanForSecrets(kind: string, value: unknown): number[] {
  const text = typeof value === 'string' ? value : showAll(value);
  const leaked = leakedSecrets(text);
  mkdirSync(ERROR_LOG_DIR, { recursive: true });
  appendFileSync(SCAN_LOG, `${JSON.stringify({ kind, bytes: Buffer.byteLength(text), leaked })}\n`);
  return leaked;
}

/** JSON of everything in `value`: errors with their message and stack (not enumerable), cycles cut. */
function showAll(value: unknown): string {
  const seen = new WeakSet<object>();
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (v && typeof v === 'object') {
        if (seen.has(v)) return '[circular]';
        seen.add(v);
        if (v instanceof Error) return { ...v, name: v.name, message: v.message, stack: v.stack, cause: v.cause };
      }
      return typeof v === 'bigint' ? String(v) : v;
    }) ?? ''
  );
}
