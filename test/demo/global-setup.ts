import { ensureRuntime } from '../../scripts/start/runtime';
import { ensureChromium, log } from './support';

/**
 * The two slow installs, once and in plain view before any test (and outside any test timeout):
 * the pinned n8n into runtime/n8n on a fresh clone, Debian's chromium on a fresh machine.
 */
export default async function globalSetup(): Promise<void> {
  await ensureRuntime(log);
  ensureChromium();
}
