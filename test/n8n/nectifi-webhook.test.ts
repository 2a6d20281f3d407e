import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { INode } from 'n8n-workflow';
import type { Sandbox } from '../sandbox';
import { fromList, runChain, step } from './support/chain';
import { type WebhookCall, deliverWebhook } from './support/contexts';
import { type CredentialStore, packageNode, stopEngineTimers } from './support/engine';
import { recordOutput } from './support/record';
import { CREDENTIAL_NAMES, sandboxCredentials, startTestSandbox } from './support/sandbox';

let sandbox: Sandbox;
let credentials: CredentialStore;
let receiver: http.Server;
let receiverUrl: string;
/** What the trigger did with each delivery the sandbox sent. */
const received: WebhookCall[] = [];
let receivingNode: INode;

const triggerNode = (parameters: INode['parameters'] = {}) =>
  packageNode('Nectifi Trigger', 'nectifiTrigger', { events: [], options: {}, ...parameters }, { nectifiApi: CREDENTIAL_NAMES.nectifiApi });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  credentials = sandboxCredentials(sandbox);
  receivingNode = triggerNode();
  // Plays n8n's webhook server: hands the raw body and headers to the node and answers as it says.
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const call = await deliverWebhook(receivingNode, credentials, Buffer.concat(chunks), req.headers as Record<string, string>);
      received.push(call);
      res.writeHead(call.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(call.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
  sandbox.webhooks.register(receiverUrl);
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await sandbox.close();
  stopEngineTimers();
});
beforeEach(() => {
  received.length = 0;
  receivingNode = triggerNode();
});

const secret = () => sandbox.keys.nectifi.webhookSecret;
const sign = (body: string, key = secret()) => `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
const delivery = (event: string, payload: object, at = Date.now()) =>
  JSON.stringify({ event, tenant_id: 1, payload, timestamp: new Date(at).toISOString().replace(/\.\d{3}Z$/, '+00:00') });
const send = (node: INode, body: string, signature: string | null, store = credentials) =>
  deliverWebhook(node, store, Buffer.from(body), signature === null ? {} : { 'X-Nectifi-Signature': signature, 'X-Nectifi-Delivery': 'd-1' });

describe('Nectifi Trigger (webhook)', () => {
  test('a delivery signed by the sandbox starts the workflow with the event', async () => {
    sandbox.webhooks.emit('promotion.redeemed', { guest_id: 42, grant_id: 7 });
    await sandbox.webhooks.idle();
    expect(received).toHaveLength(1);
    expect(received[0].status).toBe(200);
    expect(received[0].emitted.map((i) => i.json)).toEqual([
      expect.objectContaining({ event: 'promotion.redeemed', tenant_id: 1, payload: { guest_id: 42, grant_id: 7 }, delivery_id: expect.any(String) }),
    ]);
  });

  test('a guest created by a Nectifi node arrives through the webhook', async () => {
    const result = await runChain(
      [step('Create Guest', 'nectifi', 'guest', 'createGuest', { locationId: fromList(1), portalId: fromList(1), additionalFields: { name: 'Hook Test' } })],
      [{}],
      credentials,
    );
    await sandbox.webhooks.idle();
    const id = result.output('Create Guest')[0].json.id;
    const created = received.flatMap((r) => r.emitted).map((i) => i.json).filter((j) => j.event === 'guest.created');
    expect(created.map((j) => (j.payload as { guest_id: number }).guest_id)).toContain(id);
  });

  test('forged, tampered, stale and unsigned deliveries are refused with 401 and start nothing', async () => {
    const node = triggerNode();
    const body = delivery('guest.created', { guest_id: 1 });
    const forged = await send(node, body, sign(body, 'whsec_not_the_secret'));
    const tampered = await send(node, body.replace('"guest_id":1', '"guest_id":2'), sign(body));
    const staleBody = delivery('guest.created', { guest_id: 1 }, Date.now() - 10 * 60_000);
    const stale = await send(node, staleBody, sign(staleBody));
    const unsigned = await send(node, body, null);
    const garbage = await send(node, body, 'sha256=zz');
    for (const call of [forged, tampered, stale, unsigned, garbage]) {
      expect(call.status).toBe(401);
      expect(call.emitted).toEqual([]);
    }
    expect(stale.body).toEqual({ error: expect.stringMatching(/^delivery refused: delivery is too old: sent 60\d s ago/) });
    recordOutput([forged, tampered, stale, unsigned, garbage].map((c) => c.body));

    const accepted = await send(node, body, sign(body).replace('sha256=', ''));
    expect(accepted.status).toBe(200);
    expect(accepted.emitted).toHaveLength(1);
  });

  test('the stale window is configurable', async () => {
    const body = delivery('visit.started', { session_id: 3 }, Date.now() - 10 * 60_000);
    const lenient = await send(triggerNode({ options: { toleranceSeconds: 900 } }), body, sign(body));
    expect(lenient.emitted).toHaveLength(1);
    const recent = delivery('visit.started', { session_id: 4 }, Date.now() - 2 * 60_000);
    expect((await send(triggerNode(), recent, sign(recent))).emitted).toHaveLength(1);
    const strict = await send(triggerNode({ options: { toleranceSeconds: 60 } }), recent, sign(recent));
    expect(strict.status).toBe(401);
  });

  test('a refused delivery is answered with its reason and the fix, and written to n8n\'s log', async () => {
    const warn = jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
    try {
      const body = delivery('guest.created', { guest_id: 11 }, Date.now() - 10 * 60_000);
      const stale = await send(triggerNode(), body, sign(body));
      expect(stale.status).toBe(401);
      expect(stale.body).toEqual({ error: expect.stringMatching(/^delivery refused: delivery is too old: sent 60\d s ago, the trigger's Freshness Window is 300 s/) });
      expect((stale.body as { error: string }).error).toMatch(/Options > Freshness Window/);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Nectifi Trigger refused a delivery \(HTTP 401\): delivery is too old/), expect.anything());
      const logged = JSON.stringify(warn.mock.calls);
      expect(logged).not.toContain(secret());
    } finally {
      warn.mockRestore();
    }
  });

  test('a Freshness Window of 0 checks the signature only, as the vendor\'s verifier does', async () => {
    const body = delivery('guest.updated', { guest_id: 12 }, Date.now() - 3 * 86_400_000);
    const node = triggerNode({ options: { toleranceSeconds: 0 } });
    const first = await send(node, body, sign(body));
    expect(first.emitted).toHaveLength(1);
    const forged = await send(node, body, sign(body, 'whsec_not_the_secret'));
    expect(forged.status).toBe(401);
  });

  test('only the selected events start the workflow', async () => {
    const node = triggerNode({ events: ['guest.created', 'guest.updated'] });
    const wanted = delivery('guest.updated', { guest_id: 5 });
    const other = delivery('visit.started', { session_id: 9 });
    expect((await send(node, wanted, sign(wanted))).emitted).toHaveLength(1);
    const skipped = await send(node, other, sign(other));
    expect(skipped.status).toBe(200);
    expect(skipped.emitted).toEqual([]);
  });

  test('without a webhook secret in the credential every delivery is refused', async () => {
    const noSecret = { ...credentials, nectifiApi: { ...credentials.nectifiApi, webhookSecret: '' } };
    const body = delivery('guest.created', { guest_id: 1 });
    const call = await send(triggerNode(), body, sign(body), noSecret);
    expect(call.status).toBe(401);
    expect(call.emitted).toEqual([]);
  });

  test('a custom signature header is honoured', async () => {
    const body = delivery('guest.created', { guest_id: 1 });
    const node = triggerNode({ options: { signatureHeader: 'X-Custom-Signature' } });
    const viaDefault = await send(node, body, sign(body));
    expect(viaDefault.status).toBe(401);
    const viaCustom = await deliverWebhook(node, credentials, Buffer.from(body), { 'X-Custom-Signature': sign(body) });
    expect(viaCustom.emitted).toHaveLength(1);
  });
});
