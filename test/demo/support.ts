import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testSecrets } from '../support/test-secrets';
import { ROOT } from '../../scripts/start/paths';

export const CHROMIUM = '/usr/bin/chromium';

/** Progress goes straight to stderr: jest holds console output until a test file ends. */
export const log = (line: string) => process.stderr.write(`  [demo] ${line}\n`);

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const OUTPUT_DIR = join(ROOT, 'test-output', 'demo');
export function outputPath(file: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return join(OUTPUT_DIR, file);
}

/**
 * Debian's chromium at /usr/bin/chromium; a fresh CI machine (root) gets it from apt. Playwright's
 * own browser download does not work here, and is not used.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${CHROMIUM} is missing. Install Debian's chromium (sudo apt-get update && sudo apt-get install -y chromium), or run as root to have it installed.`);
  }
  log('installing Debian chromium (apt-get update && apt-get install -y chromium)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status})`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
}

/** The flags this machine needs (as root, no sandbox; nothing reaching for Google's hosts). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The suite's own list (test/support): every sandbox key, the webhook secret, the Sanctum token's secret part.
const SECRETS = [...testSecrets()].sort((a, b) => b.length - a.length);

/** Every sandbox secret (raw, URL-encoded, base64) replaced, so no assertion message or stack carries one. */
export function redact(text: string): string {
  let out = text;
  for (const secret of SECRETS) {
    for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) out = out.split(form).join('[redacted]');
  }
  return out;
}

/** Runs `fn`; an error it throws is rethrown with its message and stack redacted. */
export async function redacted<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const clean = new Error(redact(e.message));
    clean.stack = redact(e.stack ?? e.message);
    throw clean;
  }
}

/** Pids of live processes whose environment names this n8n user folder (n8n, its task runner). */
export function processesUsing(dataDir: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (environ.includes(`N8N_USER_FOLDER=${dataDir}\0`) || cmdline.includes(dataDir)) out.push(Number(entry));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return out;
}


export { sqliteAll as sqlite } from '../../scripts/start/sqlite';
