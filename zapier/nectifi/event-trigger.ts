import { createHash } from 'node:crypto';
import { type Bundle, type ZObject, defineTrigger } from 'zapier-platform-core';
import { VendorApiError } from '../../shared/core/errors';
import { NECTIFI_EVENTS, deliveryKey, verifyNectifiDelivery } from '../../shared/nectifi/webhook';
import { zapierErrors } from '../common/errors';
import { listPage } from '../common/operations';
import { runnerFor } from '../common/runner';
import { nectifiBinding, webhookSettings } from './connection';
import { nectifiPlan } from './plan';

/** The docs' example delivery ("Webhooks"), with the delivery id Zapier gives each one. */
const SAMPLE = {
  id: '5f0c7d7e-2f4b-4d5e-9a61-0c1f3b7e9a10',
  event: 'guest.created',
  tenant_id: 1,
  payload: { guest_id: 42 },
  timestamp: '2026-06-20T12:00:00+00:00',
};

/**
 * Nectifi documents no subscription endpoint: the user adds Zapier's webhook URL in the Nectifi
 * workspace (a static webhook). Every delivery is checked against the connection's webhook secret
 * before anything is emitted; a forged, stale or unwanted delivery emits nothing.
 */
export const newEvent = defineTrigger({
  key: 'newEvent',
  noun: 'Event',
  display: {
    label: 'New Event',
    description: 'Triggers when Nectifi sends a webhook event, such as a new guest, a redeemed promotion or a started visit.',
    directions:
      'Copy this Zap\'s webhook URL into your Nectifi workspace (webhook settings), then put that webhook\'s signing secret into the Webhook Secret of your Nectifi connection in Zapier.',
  },
  operation: {
    type: 'hook',
    inputFields: [
      {
        key: 'events',
        label: 'Events',
        list: true,
        required: false,
        choices: NECTIFI_EVENTS.map((event) => ({ value: event, label: event, sample: event })),
        helpText: 'Only trigger on these events, e.g. guest.created. Leave empty to trigger on every event Nectifi sends.',
      },
    ],
    perform: (z: ZObject, bundle: Bundle) => zapierErrors(z, async () => await verifiedEvents(z, bundle)),
    performList: (z: ZObject, bundle: Bundle) => zapierErrors(z, async () => recentEvents(z, bundle)),
    sample: SAMPLE,
    outputFields: [
      { key: 'id', label: 'Delivery ID', type: 'string' },
      { key: 'event', label: 'Event', type: 'string' },
      { key: 'tenant_id', label: 'Tenant ID', type: 'integer' },
      { key: 'timestamp', label: 'Timestamp', type: 'datetime' },
      { key: 'payload__guest_id', label: 'Guest ID', type: 'integer' },
    ],
  },
});

/** Deliveries older than this are refused as stale, so a delivery key is remembered twice as long. */
const TOLERANCE_SECONDS = 300;

async function verifiedEvents(z: ZObject, bundle: Bundle) {
  const settings = webhookSettings(bundle.authData ?? {});
  if (!settings.secret) {
    throw new z.errors.Error(
      'Set the Webhook Secret in your Nectifi connection: without it Zapier cannot check that a delivery comes from Nectifi.',
      'MissingWebhookSecret',
      400,
    );
  }
  const raw = bundle.rawRequest?.content ?? '';
  const headers = bundle.rawRequest?.headers ?? {};
  const result = verifyNectifiDelivery({
    secret: settings.secret,
    rawBody: raw,
    signature: headerOf(headers, settings.header),
    nowMs: Date.now(),
    toleranceSeconds: TOLERANCE_SECONDS,
  });
  if (!result.ok) {
    z.console.log(`Nectifi delivery ignored: ${result.reason}`);
    return [];
  }
  const { delivery } = result;
  if (!wanted(bundle, delivery.event)) return [];
  if (!(await firstDelivery(z, deliveryKey(settings.secret, raw)))) {
    z.console.log('Nectifi delivery ignored: it was already received');
    return [];
  }
  const id = headerOf(headers, 'X-Nectifi-Delivery') ?? createHash('sha256').update(raw).digest('hex');
  return [{ id, event: delivery.event, tenant_id: delivery.tenant_id ?? null, timestamp: delivery.timestamp, payload: delivery.payload }];
}

/**
 * The replay guard. A hook's perform keeps nothing between two deliveries, but Zapier's cache
 * (`z.cache`) does: each delivery key is stored for twice the freshness window, with `nx` so that
 * two copies arriving together cannot both pass. The key is an HMAC under the connection's own
 * secret, so connections cannot collide. If the cache cannot be reached, the delivery goes through
 * (its signature and freshness were checked) and the log says so, rather than losing events.
 */
async function firstDelivery(z: ZObject, key: string): Promise<boolean> {
  const cacheKey = `nectifi-delivery:${key}`;
  try {
    if ((await z.cache.get(cacheKey)) !== null) return false;
    return (await z.cache.set(cacheKey, Date.now(), 2 * TOLERANCE_SECONDS, undefined, true)) !== false;
  } catch (error) {
    z.console.log(`Nectifi delivery not checked for replays: ${(error as Error).message}`);
    return true;
  }
}

/** Zapier passes the delivery's headers as `Http-<Name>`; matched case-insensitively. */
function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const wantedNames = [`http-${name.toLowerCase()}`, name.toLowerCase()];
  const found = Object.entries(headers).find(([key]) => wantedNames.includes(key.toLowerCase()));
  return found?.[1];
}

function wanted(bundle: Bundle, event: string): boolean {
  const raw = bundle.inputData?.events;
  const events = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [])
    .map((value) => String(value).trim())
    .filter(Boolean);
  return events.length === 0 || events.includes(event);
}

/**
 * Samples for the Zap editor, since Nectifi cannot replay events: one per event the Zap listens to
 * (every event when none is picked), each shaped exactly as the docs' example delivery, whose
 * payload carries `guest_id` only: other payload fields are undocumented, so a sample offering them
 * would let users map fields that real deliveries may not have. The guest is the newest one when the
 * key can list guests, so a test step acts on a real guest; otherwise the docs' guest 42.
 */
async function recentEvents(z: ZObject, bundle: Bundle) {
  const runner = runnerFor(nectifiBinding, z, bundle);
  const newest = await listPage(runner, nectifiPlan.operations.listGuests, {}, 0, 1).catch((error: unknown) => {
    if (error instanceof VendorApiError && error.status === 403) return [];
    throw error;
  });
  const guestId = newest[0]?.id ?? SAMPLE.payload.guest_id;
  return NECTIFI_EVENTS.filter((event) => wanted(bundle, event)).map((event) => eventSample(event, guestId));
}

/** A delivery of `event` as the docs' example shows it. */
export function eventSample(event: string, guestId: unknown = SAMPLE.payload.guest_id) {
  return { ...SAMPLE, id: `sample:${event}:${String(guestId)}`, event, payload: { guest_id: guestId } };
}
