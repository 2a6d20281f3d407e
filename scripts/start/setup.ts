import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../test/sandbox';
import type { N8nRest } from './n8n-rest';
import { WORKFLOWS_DIR } from './paths';

export type CredentialType = 'nectifiApi' | 'splashAirApi' | 'smartWifiApi' | 'anykrowdApi';
export interface CredentialRef {
  id: string;
  name: string;
}

/** The four credentials `npm start` creates, as a user would fill them in for the sandbox. */
export function sandboxCredentials(sandbox: Sandbox): Array<{ type: CredentialType; name: string; data: Record<string, unknown> }> {
  const { keys, urls } = sandbox;
  return [
    {
      type: 'nectifiApi',
      name: 'Nectifi sandbox',
      data: {
        apiKey: keys.nectifi.full,
        baseUrl: urls.nectifi,
        requestsPerMinute: 10000,
        webhookSecret: keys.nectifi.webhookSecret,
        signatureHeader: keys.nectifi.signatureHeader,
        allowHttp: true,
      },
    },
    { type: 'splashAirApi', name: 'Splash Air sandbox', data: { host: urls.splash, apiKey: keys.splash.apiKey, team: keys.splash.team, allowHttp: true } },
    { type: 'smartWifiApi', name: 'SmartWiFi sandbox', data: { apiToken: keys.smartwifi.apiToken, environment: 'custom', baseUrl: urls.smartwifi, allowHttp: true } },
    { type: 'anykrowdApi', name: 'anykrowd sandbox', data: { tenantUrl: urls.anykrowd, apiKey: keys.anykrowd.apiKey, allowHttp: true } },
  ];
}

/**
 * Creates the four sandbox credentials, or updates them (by name and type) on a later start, so
 * they follow the sandbox if it had to move to another port.
 */
export async function upsertCredentials(rest: N8nRest, sandbox: Sandbox): Promise<Record<CredentialType, CredentialRef>> {
  const existing = await rest.request<Array<{ id: string; name: string; type: string }>>('GET', '/rest/credentials');
  const out = {} as Record<CredentialType, CredentialRef>;
  for (const credential of sandboxCredentials(sandbox)) {
    const found = existing.find((c) => c.type === credential.type && c.name === credential.name);
    const saved = found
      ? await rest.request<{ id: string }>('PATCH', `/rest/credentials/${found.id}`, credential)
      : await rest.request<{ id: string }>('POST', '/rest/credentials', credential);
    out[credential.type] = { id: saved.id, name: credential.name };
  }
  return out;
}

export interface WorkflowNode {
  id: string;
  name: string;
  type: string;
  typeVersion: number;
  position: [number, number];
  parameters: Record<string, unknown>;
  credentials?: Record<string, CredentialRef>;
  webhookId?: string;
  [key: string]: unknown;
}

export interface DemoWorkflow {
  file: string;
  id: string;
  name: string;
  nodes: WorkflowNode[];
  connections: Record<string, unknown>;
  settings?: Record<string, unknown>;
  pinData?: Record<string, unknown>;
  meta?: Record<string, unknown>;
}

/** demo/workflows/*.json, in file-name order (1 to 4). */
export function loadDemoWorkflows(dir = WORKFLOWS_DIR): DemoWorkflow[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<DemoWorkflow, 'file'>), file }));
}

export interface ImportedWorkflow {
  id: string;
  name: string;
  /** created: new in n8n; updated: the file changed and the copy in n8n was untouched; kept: edited in n8n, left alone; current: up to date. */
  status: 'created' | 'updated' | 'kept' | 'current';
}

/**
 * Creates a workflow under the id it is given. n8n 2.x's REST API keeps the id of a new workflow;
 * 1.x drops it and makes up one, so there the CLI's `import:workflow` (which keeps it) does it.
 */
export type CreateWithId = (workflow: { id: string; active: boolean } & Record<string, unknown>) => Promise<{ versionId: string }>;

/** What was imported, per workflow: the file's hash and the n8n version id right after. */
type ImportRecord = Record<string, { fileHash: string; versionId: string }>;

const RECORD_FILE = 'demo-workflows.json';

function fileHash(wf: DemoWorkflow): string {
  const { file: _file, ...content } = wf;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

function readRecord(dataDir: string): ImportRecord {
  const file = join(dataDir, RECORD_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ImportRecord) : {};
}

/**
 * Imports each demo workflow that is not in n8n yet, under its fixed id, with its credentials
 * pointed at the ones just created (the files name them by type and name, as an n8n export does).
 * A workflow already there is updated from its file when the file changed and nobody edited the
 * workflow since the last import (same n8n version id); an edited one is left as it is.
 */
export async function importWorkflows(
  rest: N8nRest,
  credentials: Record<string, CredentialRef>,
  dataDir: string,
  workflows = loadDemoWorkflows(),
  createWithId?: CreateWithId,
): Promise<ImportedWorkflow[]> {
  const existing = await rest.request<Array<{ id: string; versionId: string }> | { data: Array<{ id: string; versionId: string }> }>('GET', '/rest/workflows');
  const inN8n = new Map((Array.isArray(existing) ? existing : existing.data).map((w) => [w.id, w]));
  const record = readRecord(dataDir);
  const out: ImportedWorkflow[] = [];
  for (const wf of workflows) {
    const hash = fileHash(wf);
    const nodes = wf.nodes.map((node) => {
      if (!node.credentials) return node;
      const mapped = Object.fromEntries(Object.keys(node.credentials).map((type) => [type, credentials[type] ?? node.credentials?.[type]]));
      return { ...node, credentials: mapped };
    });
    const body = {
      name: wf.name,
      nodes,
      connections: wf.connections,
      settings: wf.settings ?? { executionOrder: 'v1' },
      pinData: wf.pinData ?? {},
      meta: wf.meta ?? {},
    };
    const current = inN8n.get(wf.id);
    const previous = record[wf.id];
    let saved: { versionId: string };
    let status: ImportedWorkflow['status'];
    if (!current) {
      saved = createWithId ? await createWithId({ id: wf.id, active: false, ...body }) : await rest.request<{ versionId: string }>('POST', '/rest/workflows', { id: wf.id, ...body });
      status = 'created';
    } else if (previous && previous.fileHash !== hash && previous.versionId === current.versionId) {
      saved = await rest.request<{ versionId: string }>('PATCH', `/rest/workflows/${wf.id}`, body);
      status = 'updated';
    } else {
      out.push({ id: wf.id, name: wf.name, status: previous && previous.versionId !== current.versionId ? 'kept' : 'current' });
      continue;
    }
    record[wf.id] = { fileHash: hash, versionId: saved.versionId };
    writeFileSync(join(dataDir, RECORD_FILE), JSON.stringify(record, null, 2) + '\n');
    out.push({ id: wf.id, name: wf.name, status });
  }
  return out;
}

export interface WebhookDemo {
  workflowId: string;
  productionUrl: string;
  testUrl: string;
  events: string[];
}

/** The Nectifi Trigger of a demo workflow: its production and test URLs in this n8n. */
export function nectifiWebhookOf(wf: DemoWorkflow, n8nUrl: string): WebhookDemo | undefined {
  const trigger = wf.nodes.find((n) => n.type.endsWith('.nectifiTrigger'));
  if (!trigger?.webhookId) return undefined;
  const base = n8nUrl.replace(/\/+$/, '');
  return {
    workflowId: wf.id,
    productionUrl: `${base}/webhook/${trigger.webhookId}/webhook`,
    testUrl: `${base}/webhook-test/${trigger.webhookId}/webhook`,
    events: (trigger.parameters.events as string[] | undefined) ?? [],
  };
}

/**
 * Publishes (activates) the webhook demo so its production URL listens, and registers both its
 * URLs with the sandbox, which then signs and sends every matching Nectifi event there: the
 * production URL runs the active workflow, the test URL feeds the editor's "Listen for test event".
 */
export async function activateWebhookDemo(rest: N8nRest, sandbox: Sandbox, webhook: WebhookDemo, republish = false, n8nMajor = 2): Promise<void> {
  const wf = await rest.request<{ versionId: string; active?: boolean; activeVersionId?: string | null }>('GET', `/rest/workflows/${webhook.workflowId}`);
  if (n8nMajor < 2) {
    // n8n 1.x: one version per workflow, switched on with `active` (an update re-registers its webhooks).
    if (!wf.active) await rest.request('PATCH', `/rest/workflows/${webhook.workflowId}`, { active: true, versionId: wf.versionId });
  } else if (!wf.activeVersionId || (republish && wf.activeVersionId !== wf.versionId)) {
    await rest.request('POST', `/rest/workflows/${webhook.workflowId}/activate`, { versionId: wf.versionId });
  }
  for (const url of [webhook.productionUrl, webhook.testUrl]) {
    sandbox.webhooks.unregister(url);
    sandbox.webhooks.register(url, webhook.events);
  }
}
