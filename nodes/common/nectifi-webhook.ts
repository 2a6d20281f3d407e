import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { DeliveryLedger } from '../../shared/nectifi/delivery-ledger';
import { NECTIFI_SIGNATURE_HEADER, type ReplayState, deliveryKey, verifyNectifiDelivery } from '../../shared/nectifi/webhook';

export const DEFAULT_TOLERANCE_SECONDS = 300;

/** One per process: the process that runs the trigger's webhook (the main instance, or a webhook process). */
export const acceptedDeliveries = new DeliveryLedger();

/**
 * Accepts a Nectifi delivery only if its HMAC-SHA256 over the raw body matches the credential's
 * webhook secret (constant-time) and its timestamp is within the tolerance. Anything else is
 * answered with the status below and starts no execution. A delivery received before (a replay, or
 * the sender retrying one whose answer it missed) is answered 200 and starts nothing: a 4xx would
 * only make an honest sender retry it again.
 */
export async function receiveNectifiWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
  const credentials = await this.getCredentials('nectifiApi');
  const options = this.getNodeParameter('options', {}) as IDataObject;
  const secret = typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : '';
  const headerName = String(options.signatureHeader || credentials.signatureHeader || NECTIFI_SIGNATURE_HEADER).toLowerCase();
  const tolerance = typeof options.toleranceSeconds === 'number' ? options.toleranceSeconds : DEFAULT_TOLERANCE_SECONDS;
  const request = this.getRequestObject() as { rawBody?: Buffer };
  const headers = this.getHeaderData() as Record<string, string | string[] | undefined>;

  if (!secret) return refuse(this, 401, 'the Nectifi credential has no webhook secret');
  if (!request.rawBody) return refuse(this, 400, 'the request has no body');
  const signature = headers[headerName];
  const nowMs = Date.now();
  const result = verifyNectifiDelivery({
    secret,
    rawBody: request.rawBody,
    signature: Array.isArray(signature) ? signature[0] : signature,
    nowMs,
    toleranceSeconds: tolerance,
  });
  if (!result.ok) {
    // A genuine delivery refused for its age: say by how much and where the window is set.
    const fix = result.stale ? `, the trigger's Freshness Window is ${tolerance} s: raise it, or set 0 to check the signature only, in the trigger's Options > Freshness Window` : '';
    return refuse(this, result.status, `${result.reason}${fix}`);
  }

  const { delivery } = result;
  const wanted = this.getNodeParameter('events', []) as string[];
  if (wanted.length > 0 && !wanted.includes(delivery.event)) {
    return { webhookResponse: { received: true, ignored: `event ${delivery.event} is not selected` } };
  }
  // n8n keeps the node's static data between deliveries to an active workflow (it saves it after
  // each); the ledger makes the check-and-record atomic within this process (see DeliveryLedger).
  const staticData = this.getWorkflowStaticData('node') as { replay?: ReplayState };
  staticData.replay ??= { seen: {} };
  const key = deliveryKey(secret, request.rawBody);
  // Per mode too: the editor's test URL may get the same delivery as the production URL, and each should run it.
  const trigger = `${this.getMode()}:${this.getWorkflow().id ?? ''}:${this.getNode().id ?? this.getNode().name}`;
  if (!acceptedDeliveries.accept(trigger, key, Date.parse(delivery.timestamp), nowMs, tolerance, staticData.replay)) {
    return { webhookResponse: { received: true, ignored: 'this delivery was already received' } };
  }
  const deliveryId = headers['x-nectifi-delivery'];
  return {
    workflowData: [
      this.helpers.returnJsonArray({
        event: delivery.event,
        tenant_id: delivery.tenant_id ?? null,
        payload: delivery.payload as IDataObject,
        timestamp: delivery.timestamp,
        delivery_id: (Array.isArray(deliveryId) ? deliveryId[0] : deliveryId) ?? null,
        // Signed (unlike delivery_id): the same for every copy of one delivery, for a downstream step to deduplicate on.
        dedup_key: key,
      }),
    ],
  };
}

/** Answers the sender with the reason and writes it to n8n's log, where the workflow's owner can find it. */
function refuse(ctx: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
  ctx.logger.warn(`Nectifi Trigger refused a delivery (HTTP ${status}): ${reason}`, { node: ctx.getNode().name, workflowId: ctx.getWorkflow().id });
  ctx.getResponseObject().status(status).json({ error: `delivery refused: ${reason}` });
  return { noWebhookResponse: true };
}
