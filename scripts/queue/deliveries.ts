import { signNectifiBody } from '../../shared/nectifi/webhook';

export interface SignedDelivery {
  body: string;
  headers: Record<string, string>;
}

/** A Nectifi delivery as the vendor signs it (timestamp to the second), with a fresh delivery id per copy. */
export function signedDelivery(secret: string, header: string, event: string, payload: Record<string, unknown>): SignedDelivery {
  const body = JSON.stringify({ event, tenant_id: 1, payload, timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00') });
  return { body, headers: { 'content-type': 'application/json', [header]: signNectifiBody(secret, body) } };
}

/** Posts one copy; resolves with the HTTP status. */
export async function post(url: string, delivery: SignedDelivery, copy: number): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { ...delivery.headers, 'x-nectifi-delivery': `copy-${copy}-${Date.now()}` }, body: delivery.body });
  await response.arrayBuffer();
  return response.status;
}
