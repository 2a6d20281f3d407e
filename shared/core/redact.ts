const REDACTED = '[redacted]';

/** Patterns that look like credentials whatever their value: these are scrubbed even when unregistered. */
const CREDENTIAL_PATTERNS: Array<[RegExp, string]> = [
  [/([?&]api_token=)[^&#\s"']*/gi, `$1${REDACTED}`],
  [/(authorization["']?\s*[:=]\s*["']?bearer\s+)[^\s"',}]+/gi, `$1${REDACTED}`],
  [/(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1${REDACTED}`],
  [/(x-api-key["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, `$1${REDACTED}`],
  [/\bnk_[A-Za-z0-9_-]{8,}/g, `nk_${REDACTED}`],
];

/**
 * Scrubs secrets from anything we surface: messages, URLs, headers. Registered secrets are
 * removed in their raw, URL-encoded and base64 forms; known credential shapes are removed always.
 */
export class Redactor {
  private readonly secrets: string[] = [];

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string | undefined): void {
    if (!secret || secret.length < 4) return;
    for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]) {
      if (!this.secrets.includes(form)) this.secrets.push(form);
    }
    this.secrets.sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    for (const [pattern, replacement] of CREDENTIAL_PATTERNS) out = out.replace(pattern, replacement);
    return out;
  }

  redactHeaders(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      out[name] = /^(authorization|x-api-key|cookie)$/i.test(name) ? REDACTED : this.redact(value);
    }
    return out;
  }
}
