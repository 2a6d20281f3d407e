import { Redactor } from '../shared/core/redact';
import { CredentialError } from '../shared/core/errors';
import { parseServiceUrl } from '../shared/client/service-url';
import { caught } from './support/errors';

describe('redaction', () => {
  const redactor = new Redactor(['s3cr3t-token-value']);

  it('removes registered secrets in raw, URL-encoded and base64 form', () => {
    const text = `a s3cr3t-token-value b ${encodeURIComponent('s3cr3t-token-value')} ${Buffer.from('s3cr3t-token-value').toString('base64')}`;
    expect(redactor.redact(text)).not.toMatch(/s3cr3t|czNjcjN0/);
  });

  it('removes credential shapes it was never told about', () => {
    const out = redactor.redact(
      'GET https://h/v2/ping?x=1&api_token=abcdef123&y=2 Authorization: Bearer zzzzzzzzzzzz nk_abcdefghijklmnop x-api-key: kkkkkk',
    );
    expect(out).toBe('GET https://h/v2/ping?x=1&api_token=[redacted]&y=2 Authorization: Bearer [redacted] nk_[redacted] x-api-key: [redacted]');
  });

  it('blanks auth headers whatever their value', () => {
    expect(redactor.redactHeaders({ Authorization: 'Bearer x', 'X-API-Key': 'y', accept: 'application/json' })).toEqual({
      Authorization: '[redacted]',
      'X-API-Key': '[redacted]',
      accept: 'application/json',
    });
  });
});

describe('credential URLs', () => {
  it.each([
    ['ftp://example.com', /must start with https/],
    ['http://example.com', /plain http/],
    ['https://user:pass@example.com', /user name or password/],
    ['https://example.com/#x', /fragment/],
    ['https://example.com/?a=1', /query/],
    ['', /empty/],
    ['https://exa mple.com', /not a valid URL/],
  ])('refuses %s', async (url, message) => {
    const error = await caught<CredentialError>(() => parseServiceUrl(url, 'Tenant URL'));
    expect(error).toBeInstanceOf(CredentialError);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^Tenant URL/);
  });

  it('accepts https, a bare host, and plain http only when the user opts in', () => {
    expect(parseServiceUrl('splash.example.com/', 'Host')).toBe('https://splash.example.com');
    expect(parseServiceUrl('https://t.anykrowd.dev/', 'Tenant URL')).toBe('https://t.anykrowd.dev');
    expect(parseServiceUrl('http://127.0.0.1:4010/anykrowd', 'Tenant URL', true)).toBe('http://127.0.0.1:4010/anykrowd');
  });
});
