import { defaultVersion, ensureN8n } from '../../scripts/runtime/n8n';
import { ensureChromium, log } from './support';

/**
 * The two slow installs, once and in plain view before any test (and outside any test timeout):
 * the newest pinned n8n into the cache on a fresh machine, Debian's chromium on a fresh machine.
 */
export default async function globalSetup(): Promise<void> {
  await ensureN8n(defaultVersion(), log);
  ensureChromium();
}
