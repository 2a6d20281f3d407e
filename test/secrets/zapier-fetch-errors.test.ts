import { toTransportError } from '../../shared/http/zapier-transport';
import { TransportError } from '../../shared/http/transport';
import { SMARTWIFI_API_TOKEN } from '../sandbox/keys';
import { leakedSecrets } from '../support/secret-scan';

/** node-fetch's FetchError as z.request throws it: the URL, token included, is in the message. */
function fetchError(type: string, code?: string): Error {
  const url = `https://vendor.example/v2/client/connections?api_token=${SMARTWIFI_API_TOKEN}`;
  return Object.assign(new Error(`Response timeout while trying to fetch ${url} (over 25000ms)`), { name: 'FetchError', type, ...(code ? { code } : {}) });
}

describe('what a failed z.request becomes', () => {
  test.each([
    ['body-timeout', 'timeout'],
    ['request-timeout', 'timeout'],
    ['invalid-json', 'reset'],
    ['max-size', 'reset'],
  ])('a FetchError of type %s becomes a %s TransportError that names no URL', (type, kind) => {
    const mapped = toTransportError(fetchError(type));
    expect(mapped).toBeInstanceOf(TransportError);
    expect((mapped as TransportError).kind).toBe(kind);
    // It may have reached the vendor: a write is not repeated blindly.
    expect((mapped as TransportError).sent).toBe(true);
    expect(leakedSecrets(String((mapped as Error).message), [SMARTWIFI_API_TOKEN])).toEqual([]);
    expect((mapped as Error).message).not.toMatch(/https?:/);
  });

  test('a refused connection is known not to have reached the vendor', () => {
    const mapped = toTransportError(fetchError('system', 'ECONNREFUSED')) as TransportError;
    expect(mapped.sent).toBe(false);
    expect(mapped.message).not.toContain(SMARTWIFI_API_TOKEN);
  });
});
