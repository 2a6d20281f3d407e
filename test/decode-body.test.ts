import { decodeBody } from '../shared/client/decode';

const answer = (body: string, contentType = 'application/json') => decodeBody({ status: 200, headers: { 'content-type': contentType }, body });

describe('decodeBody', () => {
  it('parses JSON objects and lists, whatever content type the vendor sent with them', () => {
    expect(answer('{"id":1}')).toEqual({ ok: true, body: { id: 1 } });
    expect(answer('[1,2]', 'text/html')).toEqual({ ok: true, body: [1, 2] });
    expect(answer(' \n{"id":2}')).toEqual({ ok: true, body: { id: 2 } });
  });

  it('reads an empty or blank body as null', () => {
    expect(answer('')).toEqual({ ok: true, body: null });
    expect(answer(' \r\n')).toEqual({ ok: true, body: null });
  });

  it('reports an HTML page, by its content type or its first tag, and a body that is not JSON', () => {
    const html = { ok: false, reason: 'the vendor answered with an HTML page instead of JSON' };
    expect(answer('<!DOCTYPE html><html></html>')).toEqual(html);
    expect(answer('  <html><body>Bad gateway</body></html>', 'application/octet-stream')).toEqual(html);
    expect(answer('Bad gateway', 'text/html; charset=UTF-8')).toEqual(html);
    expect(answer('{"id":1')).toEqual({ ok: false, reason: "the vendor's response is not valid JSON (7 bytes)" });
  });
});
