import { randomUUID } from 'node:crypto';
import { VendorApiError } from '../core/errors';
import type { OperationDeclaration } from '../core/operation';
import { Redactor } from '../core/redact';
import { type Clock, type RateLimit, RateLimitWaitError, type SlidingWindowLimiter, limiterFor } from '../http/rate-limiter';
import { type AttemptResult, DEFAULT_RETRY, type RetryOptions, backoffDelay, decideRetry, vendorDelayMs } from '../http/retry';
import type { HttpRequest, HttpResponse, Transport } from '../http/transport';
import { TransportError } from '../http/transport';
import { buildRequest } from './build-request';
import { type Decoded, type DriftReporter, checkOutput, decodeBody, itemsOf } from './decode';
import { defaultClock } from './default-clock';
import { defaultTransport } from './default-transport';
import { describeFailure } from './failure-message';
import { validateInput } from './validate-input';
import type { VendorConnection, VendorProfile } from './vendor-profile';

export interface ClientOptions {
  transport?: Transport;
  /** The platform adds the credentials itself (n8n's `httpRequestWithAuthentication`). */
  transportAppliesAuth?: boolean;
  retry?: Partial<RetryOptions>;
  /** Client-side limit; defaults to the vendor's documented rate. `false` turns it off. */
  rateLimit?: RateLimit | false;
  timeoutMs?: number;
  clock?: Clock;
  onDrift?: DriftReporter;
  /** Extra secrets to keep out of messages (e.g. a webhook secret). */
  secrets?: string[];
  /** The run's cancel signal: a request waiting for a rate-limit slot gives up, saying so, when it aborts. */
  signal?: AbortSignal;
}

export interface CallOptions {
  /** For operations with an idempotency key: used when the input has none. */
  idempotencyKey?: string;
}

export interface RawResult {
  body: unknown;
  response: HttpResponse;
  request: HttpRequest;
}

/** Runs declared operations for one connection: validation, rate limit, retries, errors, decoding. */
export class OperationRunner {
  readonly redactor: Redactor;
  private readonly transport: Transport;
  private readonly retry: RetryOptions;
  private readonly limiter?: SlidingWindowLimiter;
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly reportDrift: DriftReporter;

  constructor(
    readonly profile: VendorProfile<unknown>,
    readonly connection: VendorConnection,
    private readonly options: ClientOptions = {},
  ) {
    this.redactor = new Redactor([...connection.secrets, ...(options.secrets ?? [])]);
    this.transport = options.transport ?? defaultTransport();
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.clock = options.clock ?? defaultClock();
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.reportDrift = options.onDrift ?? (() => undefined);
    const limit = options.rateLimit === undefined ? (connection.rateLimit ?? profile.rateLimit) : options.rateLimit;
    if (limit) this.limiter = limiterFor(`${profile.vendor}:${connection.limiterId}`, limit, this.clock);
  }

  /** Validates and prepares the input once, so that every retry and page reuses the same key. */
  prepare(op: OperationDeclaration, input: unknown, callOptions: CallOptions = {}): Record<string, unknown> {
    const valid = validateInput(op, input);
    const keyField = op.idempotencyKeyField;
    if (keyField && valid[keyField] === undefined) valid[keyField] = callOptions.idempotencyKey ?? randomUUID();
    return valid;
  }

  /** One logical call (with its retries); returns the decoded, unwrapped body. */
  async send(op: OperationDeclaration, valid: Record<string, unknown>, query?: Record<string, unknown>): Promise<RawResult> {
    const request = buildRequest(op, this.connection, valid, {
      includeAuth: !this.options.transportAppliesAuth,
      timeoutMs: this.timeoutMs,
      query,
    });
    for (let attempt = 1; ; attempt++) {
      // Without a client-side limit there is no slot to wait for (and no promise to settle first).
      if (this.limiter) await this.acquireSlot(this.limiter, op, request, attempt);
      // The request is sent here rather than in a helper of its own: on the success path every
      // async layer and result object costs (benchmark 1, small GETs with 16 in flight).
      let result: AttemptResult;
      let decoded: Decoded | undefined;
      try {
        const response = await this.transport.send(request);
        // Decoded once, for both the success path and the error message.
        decoded = decodeBody(response);
        if (decoded.ok && response.status < 300) return { body: this.profile.unwrap(decoded.body), response, request };
        result = { kind: 'response', response, readable: decoded.ok };
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        result = { kind: 'transport', error };
      }
      const failure = this.failureOf(op, request, result, decoded, attempt);
      if (!failure.retry) throw failure.error;
      const delay = backoffDelay(attempt, this.retry, failure.vendorDelay);
      if (failure.vendorDelay !== undefined && failure.vendorDelay > this.retry.maxRetryAfterMs) throw failure.error;
      if (result.kind === 'response' && result.response.status === 429) this.limiter?.pauseFor(delay);
      await this.clock.sleep(delay);
    }
  }

  async call(op: OperationDeclaration, input: unknown, callOptions?: CallOptions): Promise<unknown> {
    const { body } = await this.send(op, this.prepare(op, input, callOptions));
    if (op.returns === 'object') return checkOutput(op, body, this.reportDrift);
    return this.itemsFrom(op, body);
  }

  itemsFrom(op: OperationDeclaration, body: unknown): unknown[] {
    const items = itemsOf(body);
    if (!items) {
      this.reportDrift({ operation: op.id, issues: [{ path: '', message: 'expected a list of items' }] });
      return [];
    }
    return items.map((item) => checkOutput(op, item, this.reportDrift));
  }

  private async acquireSlot(limiter: SlidingWindowLimiter, op: OperationDeclaration, request: HttpRequest, attempt: number): Promise<void> {
    try {
      await limiter.acquire({ signal: this.options.signal });
    } catch (error) {
      if (!(error instanceof RateLimitWaitError)) throw error;
      const details = {
        vendor: this.profile.vendor,
        operation: op.id,
        status: null,
        vendorMessage: null,
        requestId: null,
        retryable: true,
        // An earlier attempt of a call with an idempotency key may have reached the vendor.
        outcome: attempt === 1 ? 'not-applied' : 'unknown',
        request: this.redactor.redact(`${request.method} ${request.url}`),
        attempts: attempt - 1,
      } as const;
      throw new VendorApiError(this.redactor.redact(`${this.profile.displayName} ${op.label} was not sent: ${error.message}`), details);
    }
  }

  private failureOf(op: OperationDeclaration, request: HttpRequest, result: AttemptResult, body: Decoded | undefined, attempt: number) {
    const status = result.kind === 'response' ? result.response.status : null;
    const vendorMessage = body?.ok ? this.profile.errorMessage(body.body) : undefined;
    const vendorRetryable = status === null || this.profile.isRetryable(status, vendorMessage);
    const decision = decideRetry(result, op.safety, vendorRetryable);
    const headers = result.kind === 'response' ? result.response.headers : {};
    const vendorDelay = status === 429 ? vendorDelayMs(headers, this.clock.now()) : undefined;
    const unreadableSuccess = status !== null && status < 300;
    const transient = status === null || status === 429 || status >= 500 || unreadableSuccess;
    const refused = status !== null && status >= 400 && status < 500 && status !== 429;
    const outcome = decision.mayHaveApplied ? 'unknown' : refused ? 'failed' : 'not-applied';
    const details = {
      vendor: this.profile.vendor,
      operation: op.id,
      status,
      vendorMessage: vendorMessage ? this.redactor.redact(vendorMessage) : null,
      requestId: headers['x-request-id'] ?? headers['request-id'] ?? null,
      retryable: vendorRetryable && transient && !decision.mayHaveApplied,
      retryAfterMs: vendorDelay,
      outcome,
      request: this.redactor.redact(`${request.method} ${request.url}`),
      attempts: attempt,
    } as const;
    const message = describeFailure(this.profile.displayName, op, result, details, body);
    const error = new VendorApiError(this.redactor.redact(message), details);
    return { retry: decision.retry && attempt < this.retry.maxAttempts, vendorDelay, error };
  }
}
