import type { INodeProperties } from 'n8n-workflow';
import { VENDOR_SPECS, type VendorSpec, operationProperties } from './common';

/**
 * Which n8n node and operation expose each declared operation, keyed by operation id
 * (`vendor.key`), valued `<node name>/<resource>:<operation>`. Read from the parameters the action
 * nodes are built with, so an operation missing from a node shows as missing here.
 */
function coverageOf(vendor: VendorSpec): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const selectors = operationProperties(vendor).filter((p: INodeProperties) => p.name === 'operation');
  for (const selector of selectors) {
    const [resource] = (selector.displayOptions?.show?.resource ?? []) as string[];
    for (const option of selector.options ?? []) {
      const key = String((option as { value: unknown }).value);
      const op = vendor.operations[key];
      if (op && op.resource === resource) out.push([op.id, `${vendor.nodeName}/${resource}:${key}`]);
    }
  }
  return out;
}

export const n8nCoverage: Record<string, string> = Object.fromEntries(VENDOR_SPECS.flatMap(coverageOf));
