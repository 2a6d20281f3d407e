import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VENDOR_DOCS_DIR } from './doc-endpoints';

export interface DocExample {
  vendor: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body?: Record<string, unknown>;
}

/** Nectifi's curl examples, read from the doc: method, path, query string and JSON body. */
export function nectifiExamples(): DocExample[] {
  const doc = readFileSync(join(VENDOR_DOCS_DIR, 'nectifi-global-api-v1.md'), 'utf8');
  const curl = /curl -sS -X (\w+) \\\s+"https:\/\/nectifi\.com\/api\/v1\/external\/v1([^"?]+)(?:\?([^"]*))?"([\s\S]*?)(?=\n\S|$)/g;
  const examples: DocExample[] = [];
  for (const [, method, path, search, rest] of doc.matchAll(curl)) {
    const body = /-d '([^']*)'/.exec(rest)?.[1];
    examples.push({
      vendor: 'nectifi',
      method,
      path,
      query: Object.fromEntries(new URLSearchParams(search ?? '')),
      body: body ? JSON.parse(body) : undefined,
    });
  }
  return examples;
}

/**
 * The example requests of the other three docs, copied as printed. Two are adapted, as the
 * decisions say: the sync example is repaired JSON (the doc has a `;` and a trailing comma), and
 * amounts the doc sends as numbers become decimal strings.
 */
export const OTHER_EXAMPLES: DocExample[] = [
  { vendor: 'smartwifi', method: 'GET', path: '/v2/client/guests-guest-plans', query: { started_since_relative: '4d', state: 'active' } },
  { vendor: 'smartwifi', method: 'GET', path: '/v2/zapier/client/dropdown/hotspots', query: {} },
  { vendor: 'smartwifi', method: 'GET', path: '/v2/zapier/client/guests', query: { unsubscribed: 'false' } },
  { vendor: 'smartwifi', method: 'GET', path: '/v2/zapier/client/ping', query: {} },
  { vendor: 'anykrowd', method: 'GET', path: '/apix/v1/ping', query: {} },
  { vendor: 'anykrowd', method: 'GET', path: '/apix/v1/currencies/list', query: { limit: '50', page: '2' } },
  { vendor: 'anykrowd', method: 'GET', path: '/apix/v1/currencies/show/1', query: {} },
  { vendor: 'anykrowd', method: 'GET', path: '/apix/v1/events/list', query: {} },
  { vendor: 'anykrowd', method: 'GET', path: '/apix/v1/roles/list', query: {} },
  { vendor: 'anykrowd', method: 'GET', path: '/apix/v1/roles/show/1', query: {} },
  {
    vendor: 'anykrowd',
    method: 'POST',
    path: '/apix/v1/users/sync',
    query: {},
    body: {
      staff_members: [
        {
          external_id: 3,
          external_qr_code: '3',
          external_qr_codes: ['a1', 'a2', 'a3'],
          first_name: 'John',
          last_name: 'Doe',
          roles: [{ role_id: 1, valid_from: '2025-05-16 12:00:00', valid_until: '2025-05-18 12:00:00' }],
          create_user_account: true,
        },
        { external_id: 2, external_qr_code: '2', first_name: 'Peter', last_name: 'Parker' },
      ],
    },
  },
  { vendor: 'anykrowd', method: 'POST', path: '/apix/v1/wallets/topup-revoke', query: {}, body: { nanoids: ['1a2b3c-1', '1a2b3c-2', '1a2b3c-3'] } },
];
