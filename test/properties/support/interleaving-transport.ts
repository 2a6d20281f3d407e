import type { HttpRequest, HttpResponse, Transport } from '../../../shared/http/transport';

/**
 * Wraps the real transport so a test can act between two requests of one poll: after each response
 * (page, window, or the one answer of an unpaged list) `afterResponse` runs before the trigger reads it,
 * so rows it inserts land while the poll is still paging. `rewriteUrl` lets a test shrink page sizes.
 */
export class InterleavingTransport implements Transport {
  requests = 0;
  afterResponse: ((requestNumber: number) => void) | null = null;

  constructor(
    private readonly inner: Transport,
    private readonly rewriteUrl: (url: string) => string = (url) => url,
  ) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.inner.send({ ...request, url: this.rewriteUrl(request.url) });
    this.requests += 1;
    this.afterResponse?.(this.requests);
    return response;
  }
}

/** A vendor that serves at most `size` rows per page whatever is asked (the client follows `last_page`). */
export function capPageSize(param: string, size: number) {
  return (url: string): string => {
    const parsed = new URL(url);
    if (parsed.searchParams.has(param)) parsed.searchParams.set(param, String(size));
    return parsed.toString();
  };
}
