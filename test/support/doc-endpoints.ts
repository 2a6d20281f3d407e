import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The vendor docs sit beside the project in `../shared/vendor-docs` (read-only, the only spec). */
export const VENDOR_DOCS_DIR = process.env.VENDOR_DOCS_DIR ?? join(__dirname, '..', '..', '..', 'shared', 'vendor-docs');

export interface DocEndpoint {
  vendor: string;
  method: string;
  /** Path with placeholders normalised to `{}`. */
  path: string;
}

const read = (file: string) => readFileSync(join(VENDOR_DOCS_DIR, file), 'utf8');
export const normalisePath = (path: string) => path.replace(/\{[^}]*\}|<[^>]*>/g, '{}');

/** Every (method, path) pair the four docs list, read from the docs themselves. */
export function documentedEndpoints(): DocEndpoint[] {
  const out: DocEndpoint[] = [];
  const nectifi = read('nectifi-global-api-v1.md');
  const scoped = /^(GET|POST|PATCH|PUT|DELETE)\/api\/v1\/external\/v1(\/\S*?)(crm|promotions|loyalty|wallet|communication|wifi|analytics):(read|write)$/gm;
  for (const [, method, path] of nectifi.matchAll(scoped)) out.push({ vendor: 'nectifi', method, path: normalisePath(path) });

  const splash = read('splash-air-api.md');
  for (const [, method, path] of splash.matchAll(/HTTP Verb: (\w+)\s*\nAPI Endpoint: (\S+)/g)) {
    out.push({ vendor: 'splash', method, path: normalisePath(path) });
  }

  const smartwifi = read('smartwifi-platform-api-v2.md');
  for (const [, path] of smartwifi.matchAll(/^Endpoint:\s*(\/v2\/[^?\s]+)/gm)) {
    out.push({ vendor: 'smartwifi', method: 'GET', path: normalisePath(path) });
  }

  const anykrowd = read('anykrowd-apix-v1.md');
  for (const [, method, path] of anykrowd.matchAll(/\*\*Method:\*\* `(\w+)`\s+\*\*Endpoint:\*\* \[?`([^`]+)`/g)) {
    out.push({ vendor: 'anykrowd', method, path: normalisePath(path) });
  }
  return out;
}
