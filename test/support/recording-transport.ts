import type { HttpRequest, HttpResponse, Transport } from '../../shared/http/transport';

/** Answers every request with one canned response and keeps what was sent. */
export class RecordingTransport implements Transport {
  readonly sent: HttpRequest[] = [];
  constructor(private readonly answer: HttpResponse = { status: 200, headers: {}, body: '{}' }) {}
  async send(request: HttpRequest): Promise<HttpResponse> {
    this.sent.push(request);
    return this.answer;
  }
}
