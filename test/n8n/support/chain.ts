import { randomUUID } from 'node:crypto';
import type { IConnections, INode } from 'n8n-workflow';
import { type CredentialStore, type WorkflowResult, packageNode, runWorkflow } from './engine';
import { ITEMS_NODE_TYPE } from './node-types';
import { CREDENTIAL_NAMES } from './sandbox';

/** `Items → step 1 → step 2 → …`, each step a node of this package; expressions see the previous step. */
export async function runChain(
  steps: INode[],
  items: object[],
  store: CredentialStore,
  options: { executionId?: string } = {},
): Promise<WorkflowResult> {
  const source: INode = {
    id: randomUUID(),
    name: 'Items',
    type: ITEMS_NODE_TYPE,
    typeVersion: 1,
    position: [0, 0],
    parameters: { items: JSON.stringify(items) },
  };
  const nodes = [source, ...steps];
  const connections: IConnections = {};
  for (let i = 0; i < nodes.length - 1; i++) {
    connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
  }
  return await runWorkflow(nodes, connections, store, options);
}

/** A step of an action node: `step('Create Guest', 'nectifi', 'guest', 'createGuest', {...})`. */
export function step(name: string, nodeType: string, resource: string, operation: string, parameters: INode['parameters'] = {}, extra: Partial<INode> = {}): INode {
  const credentialType = { nectifi: 'nectifiApi', splashAir: 'splashAirApi', smartWifi: 'smartWifiApi', anykrowd: 'anykrowdApi' }[nodeType];
  if (!credentialType) throw new Error(`no credential for ${nodeType}`);
  return {
    id: randomUUID(),
    name,
    type: `n8n-nodes-venue-connectors.${nodeType}`,
    typeVersion: 1,
    position: [0, 0],
    parameters: { resource, operation, ...parameters },
    credentials: { [credentialType]: { id: credentialType, name: CREDENTIAL_NAMES[credentialType as keyof typeof CREDENTIAL_NAMES] } },
    ...extra,
  };
}

/** A resource locator value as the editor stores it. */
export const fromList = (value: string | number) => ({ __rl: true, mode: 'list', value: String(value) });
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

const TRIGGER_CREDENTIAL: Record<string, keyof typeof CREDENTIAL_NAMES> = {
  nectifiPollingTrigger: 'nectifiApi',
  splashAirTrigger: 'splashAirApi',
  smartWifiTrigger: 'smartWifiApi',
  anykrowdTrigger: 'anykrowdApi',
};

/** A polling trigger node of this package with its vendor's sandbox credential, named after its parameters. */
export function triggerNode(type: string, parameters: INode['parameters']): INode {
  const credential = TRIGGER_CREDENTIAL[type];
  return packageNode(`${type} ${JSON.stringify(parameters)}`, type, parameters, { [credential]: CREDENTIAL_NAMES[credential] });
}
