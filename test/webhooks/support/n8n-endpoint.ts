import { WebhookContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, IWebhookData, IWebhookResponseData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { type CredentialStore, additionalDataFor, nodeTypes, packageNode } from '../../n8n/support/engine';
import { NECTIFI_KEYS } from '../../sandbox/keys';
import { scanForSecrets } from '../../support/secret-scan';

export interface WebhookAnswer {
  status: number;
  body: unknown;
  emitted: INodeExecutionData[];
}

/** The Nectifi credential a user fills in (the API is never called by the webhook trigger). */
export const NECTIFI_CREDENTIALS: CredentialStore = {
  nectifiApi: {
    apiKey: NECTIFI_KEYS.full,
    baseUrl: 'http://127.0.0.1:9/nectifi/api/v1/external/v1',
    allowHttp: true,
    webhookSecret: NECTIFI_KEYS.webhookSecret,
    signatureHeader: NECTIFI_KEYS.signatureHeader,
  },
};

export const nectifiTriggerNode = (parameters: INode['parameters'] = {}) =>
  packageNode('Nectifi Trigger', 'nectifiTrigger', { events: [], options: {}, ...parameters }, { nectifiApi: 'Nectifi' });

let workflows = 0;

/**
 * The production webhook of an active workflow, served the way n8n's LiveWebhooks serves it: for
 * each delivery the workflow is built afresh with the static data stored for it, the node's
 * `webhook()` runs, and the static data is stored again (n8n saves it to its database, last
 * writer wins, no lock). Deliveries may overlap, as they do in n8n: each one reads the stored
 * static data when it arrives and writes its copy back when it is done. Each endpoint is a
 * workflow of its own.
 */
export class N8nWebhookEndpoint {
  private storedStaticData = '{}';
  private workflowId = `webhook-workflow-${++workflows}`;
  /** `webhook`: the production URL of the active workflow; `manual`: the editor's test URL. */
  private mode: 'webhook' | 'manual' = 'webhook';

  constructor(
    readonly node: INode = nectifiTriggerNode(),
    private readonly store: CredentialStore = NECTIFI_CREDENTIALS,
  ) {}

  /**
   * The same workflow as n8n has it after a restart, or as another n8n process sees it: the
   * static data stored so far and nothing the trigger kept in memory (to the package, a trigger
   * it has not served yet).
   */
  /** The same workflow's test URL, as the editor listens on it ("Listen for test event"). */
  testUrl(): N8nWebhookEndpoint {
    const test = new N8nWebhookEndpoint(this.node, this.store);
    test.workflowId = this.workflowId;
    test.mode = 'manual';
    return test;
  }

  afterRestart(): N8nWebhookEndpoint {
    const restarted = new N8nWebhookEndpoint(this.node, this.store);
    restarted.storedStaticData = this.storedStaticData;
    return restarted;
  }

  get staticData(): IDataObject {
    return JSON.parse(this.storedStaticData) as IDataObject;
  }

  async deliver(rawBody: string | Buffer, headers: Record<string, string>): Promise<WebhookAnswer> {
    const workflow = new Workflow({
      id: this.workflowId,
      nodes: [this.node],
      connections: {},
      active: true,
      nodeTypes,
      staticData: JSON.parse(this.storedStaticData) as IDataObject,
    });
    const additionalData = additionalDataFor(this.store);
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
      end: () => response,
    };
    const raw = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody);
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    additionalData.httpRequest = { rawBody: raw, body: parsed(raw), headers: lower, query: {}, params: {} } as never;
    additionalData.httpResponse = response as never;
    const nodeType = nodeTypes.getByNameAndVersion(this.node.type, this.node.typeVersion);
    const webhookData: IWebhookData = {
      httpMethod: 'POST',
      node: this.node.name,
      path: 'webhook',
      webhookDescription: nodeType.description.webhooks![0],
      workflowId: workflow.id,
      workflowExecuteAdditionalData: additionalData,
    };
    const context = new WebhookContext(workflow, this.node, additionalData, this.mode, webhookData, [], null);
    const result: IWebhookResponseData = await nodeType.webhook!.call(context);
    this.storedStaticData = JSON.stringify(workflow.staticData);
    scanForSecrets('n8n webhook answer', { status, body, result, staticData: this.storedStaticData });
    if (result.noWebhookResponse) return { status, body, emitted: [] };
    return { status: 200, body: result.webhookResponse ?? { message: 'Workflow was started' }, emitted: result.workflowData?.[0] ?? [] };
  }
}

function parsed(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return {};
  }
}
