import { HttpError } from '../context';
import type { Reply, SandboxRequest } from '../http';
import type { NectifiState } from './state';

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/**
 * Documented on promotion redeem, loyalty add points and loyalty redeem (vendor-decisions.md): a repeat with
 * the same key returns the first (successful) result and applies nothing; the same key with a different
 * request is a 409.
 */
export function idempotent(st: NectifiState, req: SandboxRequest, key: string | undefined, body: unknown, run: () => Reply): Reply {
  if (key === undefined) return run();
  const slot = `${req.method} ${req.template}|${key}`;
  const fingerprint = stable({ params: req.params, body });
  const prev = st.idempotency.get(slot);
  if (prev) {
    if (prev.fingerprint !== fingerprint)
      throw new HttpError(409, `Idempotency key '${key}' was already used with a different request`);
    return { status: prev.status, headers: { 'Content-Type': 'application/json', 'Idempotent-Replayed': 'true' }, body: prev.body };
  }
  const reply = run();
  if (reply.status < 300) st.idempotency.set(slot, { fingerprint, status: reply.status, body: reply.body });
  return reply;
}
