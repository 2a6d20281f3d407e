import { randomUUID } from 'node:crypto';
import { ExecuteContext, HookContext, LoadOptionsContext, PollContext, RoutingNode, WebhookContext } from 'n8n-core';
import type {
  ICredentialTestRequest,
  IDataObject,
  INode,
  INodeExecutionData,
  INodeType,
  IWebhookData,
  IWebhookResponseData,
  WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { scanForSecrets } from '../../support/secret-scan';
import { type CredentialStore, additionalDataFor, nodeTypes } from './engine';

export function workflowOf(nodes: INode[], staticData?: IDataObject): Workflow {
  return new Workflow({ id: 'test-workflow', nodes, connections: {}, active: true, nodeTypes, staticData });
}

export function nodeTypeOf(node: INode): INodeType {
  return nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
}

/** One poll as n8n's ActiveWorkflows runs it; the workflow keeps the static data between polls. */
export async function poll(workflow: Workflow, node: INode, store: CredentialStore, mode: WorkflowExecuteMode = 'trigger') {
  const context = new PollContext(workflow, node, additionalDataFor(store), mode, 'activate');
  const result = await nodeTypeOf(node).poll!.call(context);
  scanForSecrets('n8n poll', result);
  return result ? result[0].map((item) => item.json) : null;
}

/** A listSearch or loadOptions method as the editor calls it. */
export async function loadOptions(node: INode, store: CredentialStore, kind: 'listSearch' | 'loadOptions', method: string, filter?: string) {
  const workflow = workflowOf([node]);
  const context = new LoadOptionsContext(workflow, node, additionalDataFor(store), 'parameters');
  const methods = nodeTypeOf(node).methods!;
  if (kind === 'listSearch') return (await methods.listSearch![method].call(context, filter)).results;
  return await methods.loadOptions![method].call(context);
}

/**
 * A trigger's webhookMethods as n8n's WebhookService runs them: on activation `checkExists`, then
 * `create` when it answered false; on deactivation `delete`. Returns the methods called, in order.
 */
export async function runWebhookLifecycle(workflow: Workflow, node: INode, store: CredentialStore, phase: 'activate' | 'deactivate') {
  const nodeType = nodeTypeOf(node);
  const webhookDescription = nodeType.description.webhooks![0];
  const methods = nodeType.webhookMethods![webhookDescription.name]!;
  const additionalData = additionalDataFor(store);
  const webhookData: IWebhookData = {
    httpMethod: webhookDescription.httpMethod as IWebhookData['httpMethod'],
    node: node.name,
    path: String(webhookDescription.path),
    webhookDescription,
    workflowId: String(workflow.id),
    workflowExecuteAdditionalData: additionalData,
  };
  const call = async (method: 'checkExists' | 'create' | 'delete') =>
    await methods[method]!.call(new HookContext(workflow, node, additionalData, 'trigger', 'activate', webhookData));
  if (phase === 'deactivate') {
    await call('delete');
    return ['delete'];
  }
  if (await call('checkExists')) return ['checkExists'];
  await call('create');
  return ['checkExists', 'create'];
}

/** n8n's logger, which node code reaches through `this.logger` (n8n-core's DI container). */
export function engineLogger(): { info(message: string, meta?: object): void } {
  const fromCore = { paths: [require.resolve('n8n-core')] };
  const { Container } = require(require.resolve('@n8n/di', fromCore)) as { Container: { get(type: unknown): unknown } };
  const { Logger } = require(require.resolve('@n8n/backend-common', fromCore)) as { Logger: unknown };
  return Container.get(Logger) as { info(message: string, meta?: object): void };
}

export interface WebhookCall {
  status: number;
  body: unknown;
  emitted: INodeExecutionData[];
}

/** Hands a raw HTTP delivery to the node's `webhook()` and answers the way n8n's webhook server does. */
export async function deliverWebhook(node: INode, store: CredentialStore, rawBody: Buffer, headers: Record<string, string>): Promise<WebhookCall> {
  const workflow = workflowOf([node]);
  const additionalData = additionalDataFor(store);
  let status = 200;
  let body: unknown;
  const response = {
    status(code: number) {
      status = code;
      return response;
    },
    json(value: unknown) {
      body = value;
      return response;
    },
    send(value: unknown) {
      body = value;
      return response;
    },
    end() {
      return response;
    },
  };
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  additionalData.httpRequest = { rawBody, body: safeJson(rawBody), headers: lower, query: {}, params: {} } as never;
  additionalData.httpResponse = response as never;
  const webhookData: IWebhookData = {
    httpMethod: 'POST',
    node: node.name,
    path: 'webhook',
    webhookDescription: nodeTypeOf(node).description.webhooks![0],
    workflowId: 'test-workflow',
    workflowExecuteAdditionalData: additionalData,
  };
  const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
  const result: IWebhookResponseData = await nodeTypeOf(node).webhook!.call(context);
  scanForSecrets('n8n webhook answer', { body, result });
  if (result.noWebhookResponse) return { status, body, emitted: [] };
  const emitted = result.workflowData?.[0] ?? [];
  return { status: 200, body: result.webhookResponse ?? { message: 'Workflow was started' }, emitted };
}

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return {};
  }
}

/**
 * A credential's `test` as n8n's CredentialsTester runs it (packages/cli, 2.8): the request goes
 * through a RoutingNode with the credential applied; a thrown error is matched against
 * `responseCode` rules through `error.cause.response` (which n8n 2.8's NodeApiError no longer
 * keeps, so its own message is shown); a returned body is matched against `responseSuccessBody`
 * rules.
 */
export async function testCredential(type: string, test: ICredentialTestRequest, store: CredentialStore) {
  const node: INode = {
    id: randomUUID(),
    name: 'Temp-Node',
    type: 'test.credentialProbe',
    typeVersion: 1,
    position: [0, 0],
    parameters: {},
    credentials: { [type]: { id: type, name: type } },
  };
  const probe: INodeType = {
    description: {
      displayName: 'Probe',
      name: 'credentialProbe',
      group: ['transform'],
      version: 1,
      description: '',
      defaults: {},
      inputs: ['main'],
      outputs: ['main'],
      credentials: [{ name: type, required: true }],
      properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
    },
  } as unknown as INodeType;
  const workflow = new Workflow({
    nodes: [node],
    connections: {},
    active: false,
    nodeTypes: { getByName: () => probe, getByNameAndVersion: () => probe, getKnownTypes: () => ({}) },
  });
  const context = new ExecuteContext(workflow, node, additionalDataFor(store), 'internal', { resultData: { runData: {} } } as never, 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
  const decrypted = { id: type, name: type, type, data: await additionalDataFor(store).credentialsHelper.getDecrypted({} as never, { id: type, name: type }, type, 'internal') };
  let response: Awaited<ReturnType<RoutingNode['runNode']>>;
  try {
    response = await new RoutingNode(context, probe, decrypted).runNode();
  } catch (error) {
    const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
    const response = cause?.response;
    if (response) {
      for (const rule of test.rules ?? []) {
        if (rule.type === 'responseCode' && rule.properties.value === response.status) return { status: 'Error', message: rule.properties.message };
      }
      return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
    }
    if (cause?.code) return { status: 'Error', message: cause.code };
    return { status: 'Error', message: (error as Error).message };
  }
  for (const rule of test.rules ?? []) {
    // As n8n: the first item of the answer, read before each body rule (an empty bare list throws here).
    if (rule.type === 'responseSuccessBody' && lodashGet(response![0][0].json, rule.properties.key) === rule.properties.value) {
      return { status: 'Error', message: rule.properties.message };
    }
  }
  return { status: 'OK', message: 'Connection successful!' };
}

/** lodash's `get`, which n8n's credential tester uses (it reads through strings too: `detail.length`). */
const lodashGet = require('lodash/get') as (value: unknown, path: string) => unknown;
