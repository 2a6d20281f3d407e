import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ICredentialType,
  IExecuteFunctions,
  INodeExecutionData,
  INodeType,
  INodeTypes,
  IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/** The package as n8n sees it: the files its package.json `n8n` attribute lists, loaded from dist/. */
const ROOT = join(__dirname, '..', '..', '..');
const PACKAGE = require(join(ROOT, 'package.json')) as { name: string; n8n: { nodes: string[]; credentials: string[] } };

export const PACKAGE_NAME = PACKAGE.name;

function exportNamedLikeFile<T>(path: string, suffix: string): T {
  if (!existsSync(join(ROOT, path))) throw new Error(`${path} is missing: run \`npm run build\` first (\`npm test\` does)`);
  const className = path.split('/').pop()!.replace(suffix, '');
  const loaded = require(join(ROOT, path)) as Record<string, new () => T>;
  if (!loaded[className]) throw new Error(`${path} does not export ${className}`);
  return new loaded[className]();
}

export function loadPackageNodes(): Record<string, INodeType> {
  const out: Record<string, INodeType> = {};
  for (const path of PACKAGE.n8n.nodes) {
    const node = exportNamedLikeFile<INodeType>(path, '.node.js');
    out[`${PACKAGE_NAME}.${node.description.name}`] = node;
  }
  return out;
}

export function loadPackageCredentials(): Record<string, ICredentialType> {
  const out: Record<string, ICredentialType> = {};
  for (const path of PACKAGE.n8n.credentials) {
    const credential = exportNamedLikeFile<ICredentialType>(path, '.credentials.js');
    out[credential.name] = credential;
  }
  return out;
}

/** A test-only source node: emits the items given in its `items` parameter (JSON). */
export const ITEMS_NODE_TYPE = 'test.items';

class ItemsNode implements INodeType {
  description = {
    displayName: 'Items',
    name: 'items',
    group: ['input'],
    version: 1,
    description: 'Emits fixed items',
    defaults: { name: 'Items' },
    inputs: [],
    outputs: ['main'],
    properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
  } as unknown as INodeType['description'];

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const raw = this.getNodeParameter('items', 0) as string;
    const items = JSON.parse(raw) as object[];
    return [items.map((json) => ({ json: json as INodeExecutionData['json'] }))];
  }
}

/** A test-only node that may use any of this package's credentials, as n8n's HTTP Request node may. */
export const HTTP_PROBE_NODE_TYPE = 'test.httpProbe';

class HttpProbeNode implements INodeType {
  description = {
    displayName: 'HTTP Probe',
    name: 'httpProbe',
    group: ['transform'],
    version: 1,
    description: 'Uses a predefined credential type',
    defaults: { name: 'HTTP Probe' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: PACKAGE.n8n.credentials.map((path) => ({ name: exportNamedLikeFile<ICredentialType>(path, '.credentials.js').name, required: false })),
    properties: [],
  } as unknown as INodeType['description'];
}

export class TestNodeTypes implements INodeTypes {
  readonly types: Record<string, INodeType>;

  constructor() {
    this.types = { ...loadPackageNodes(), [ITEMS_NODE_TYPE]: new ItemsNode(), [HTTP_PROBE_NODE_TYPE]: new HttpProbeNode() };
  }

  getByName(nodeType: string): INodeType | IVersionedNodeType {
    const found = this.types[nodeType];
    if (!found) throw new Error(`unknown node type ${nodeType}`);
    return found;
  }

  getByNameAndVersion(nodeType: string, version?: number): INodeType {
    return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
  }

  getKnownTypes() {
    return {};
  }
}
