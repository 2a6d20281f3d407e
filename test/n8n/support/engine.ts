import { randomUUID } from 'node:crypto';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
  ICredentialDataDecryptedObject,
  ICredentialType,
  IConnections,
  IHttpRequestOptions,
  INode,
  INodeCredentialsDetails,
  INodeExecutionData,
  IRun,
  IWorkflowExecuteAdditionalData,
  WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, isExpression } from 'n8n-workflow';
import { scanForSecrets } from '../../support/secret-scan';
import { ITEMS_NODE_TYPE, PACKAGE_NAME, TestNodeTypes, loadPackageCredentials } from './node-types';

export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

/**
 * The parts of n8n's CredentialsHelper (packages/cli) a node execution uses: defaults applied to
 * the stored data, and a generic `authenticate` block resolved with the workflow's expression
 * engine and merged into the request, as n8n does it.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
  readonly types: Record<string, ICredentialType> = loadPackageCredentials();

  constructor(private readonly store: CredentialStore) {
    super();
  }

  getParentTypes(): string[] {
    return [];
  }

  async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, options: IHttpRequestOptions, workflow: Workflow, node: INode) {
    const { authenticate } = this.types[typeName];
    if (!authenticate || typeof authenticate === 'function') throw new Error(`${typeName}: expected a generic authenticate block`);
    options.headers ??= {};
    const target = options as unknown as Record<string, Record<string, unknown>>;
    for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
      for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
        target[outerKey] ??= {};
        target[outerKey][this.resolve(key, credentials, workflow, node)] = this.resolve(value, credentials, workflow, node);
      }
    }
    return options;
  }

  private resolve(value: string, credentials: ICredentialDataDecryptedObject, workflow: Workflow, node: INode): string {
    if (!isExpression(value)) return value;
    const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
    return resolved ? String(resolved) : '';
  }

  async preAuthentication() {
    return undefined;
  }

  async getCredentials(): Promise<never> {
    throw new Error('not used by these nodes');
  }

  async getDecrypted(_additionalData: IWorkflowExecuteAdditionalData, details: INodeCredentialsDetails, type: string) {
    const data = this.store[type];
    if (!data) throw new Error(`no test credentials of type ${type} (${details.name})`);
    const withDefaults = NodeHelpers.getNodeParameters(this.types[type].properties, data as never, true, false, null, null);
    return { ...(withDefaults as ICredentialDataDecryptedObject), ...data };
  }

  async updateCredentials() {}

  async updateCredentialsOauthTokenData() {}

  getCredentialsProperties(type: string) {
    return this.types[type].properties;
  }
}

export const nodeTypes = new TestNodeTypes();

export function additionalDataFor(store: CredentialStore, executionId: string = randomUUID()): IWorkflowExecuteAdditionalData {
  return {
    credentialsHelper: new TestCredentialsHelper(store),
    executionId,
    currentNodeExecutionIndex: 0,
    restApiUrl: 'http://127.0.0.1/rest',
    instanceBaseUrl: 'http://127.0.0.1/',
    formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
    webhookBaseUrl: 'http://127.0.0.1/webhook',
    webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
    webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
    variables: {},
    logAiEvent: () => undefined,
    executeWorkflow: async () => {
      throw new Error('sub-workflows are not used here');
    },
    getRunExecutionData: async () => undefined,
    startRunnerTask: async () => {
      throw new Error('task runners are not used here');
    },
  } as unknown as IWorkflowExecuteAdditionalData;
}

/** A node of this package, by its short name (`nectifi`, `smartWifiTrigger`). */
export function packageNode(
  name: string,
  type: string,
  parameters: INode['parameters'],
  credentials: Record<string, string> = {},
  extra: Partial<INode> = {},
): INode {
  return {
    id: randomUUID(),
    name,
    type: `${PACKAGE_NAME}.${type}`,
    typeVersion: 1,
    position: [0, 0],
    parameters,
    credentials: Object.fromEntries(Object.entries(credentials).map(([t, n]) => [t, { id: t, name: n }])),
    ...extra,
  };
}

export interface WorkflowResult {
  run: IRun;
  /** Output items (first output, last run) of a node. */
  output(nodeName: string): INodeExecutionData[];
  /** The error a node ended with, if any. */
  error(nodeName: string): Error | undefined;
}

/**
 * Runs `Items → node` through n8n-core's WorkflowExecute, exactly as n8n runs a manual execution
 * (parameters resolved from the node description, expressions, credentials, paired items).
 */
export async function runNodeOnItems(
  node: INode,
  items: object[],
  store: CredentialStore,
  options: { mode?: WorkflowExecuteMode; executionId?: string; staticData?: object } = {},
): Promise<WorkflowResult> {
  const source: INode = {
    id: randomUUID(),
    name: 'Items',
    type: ITEMS_NODE_TYPE,
    typeVersion: 1,
    position: [0, 0],
    parameters: { items: JSON.stringify(items) },
  };
  const connections: IConnections = { Items: { main: [[{ node: node.name, type: 'main', index: 0 }]] } };
  return await runWorkflow([source, node], connections, store, options);
}

export async function runWorkflow(
  nodes: INode[],
  connections: IConnections,
  store: CredentialStore,
  options: { mode?: WorkflowExecuteMode; executionId?: string; staticData?: object; stopAfterMs?: number } = {},
): Promise<WorkflowResult> {
  const workflow = new Workflow({
    id: 'test-workflow',
    nodes,
    connections,
    active: false,
    nodeTypes,
    staticData: options.staticData as never,
  });
  const mode = options.mode ?? 'manual';
  const executionId = options.executionId ?? randomUUID();
  const additionalData = additionalDataFor(store, executionId);
  additionalData.hooks = new ExecutionLifecycleHooks(mode, executionId, { id: 'test-workflow', nodes, connections } as never);
  const execution = new WorkflowExecute(additionalData, mode).run({ workflow, startNode: nodes[0] });
  // As n8n stops an execution (the user's Stop, or a worker shutting down): its cancel signal aborts.
  const stopper = options.stopAfterMs === undefined ? undefined : setTimeout(() => execution.cancel(), options.stopAfterMs);
  const run = await execution.finally(() => clearTimeout(stopper));
  // Everything the execution shows (every node's output and error) goes through the secret scan.
  scanForSecrets('n8n execution', run.data.resultData);
  const runData = run.data.resultData.runData;
  return {
    run,
    output(nodeName) {
      const tasks = runData[nodeName];
      if (!tasks?.length) throw new Error(`${nodeName} did not run${describeError(run)}`);
      const last = tasks[tasks.length - 1];
      if (last.error) throw new Error(`${nodeName} failed: ${last.error.message}`);
      return last.data?.main?.[0] ?? [];
    },
    error(nodeName) {
      const tasks = runData[nodeName];
      return tasks?.[tasks.length - 1]?.error ?? run.data.resultData.error;
    },
  };
}

function describeError(run: IRun): string {
  const error = run.data.resultData.error;
  return error ? `: ${error.message}` : '';
}

/**
 * n8n-core starts a one-minute cleanup interval for SSH tunnels the first time a node runs (in its
 * DI container). n8n stops it on shutdown; a test file does the same when it is done.
 */
export function stopEngineTimers(): void {
  const fromCore = { paths: [require.resolve('n8n-core')] };
  const { Container } = require(require.resolve('@n8n/di', fromCore)) as { Container: { get(type: unknown): { onShutdown(): void } } };
  const { SSHClientsManager } = require(require.resolve('n8n-core/dist/execution-engine/ssh-clients-manager', fromCore)) as {
    SSHClientsManager: unknown;
  };
  Container.get(SSHClientsManager).onShutdown();
}
