import type { DemoWorkflow, WorkflowNode } from '../start/setup';
import type { Json } from './spec';

export const PROBE_PREFIX = 'Probe · ';
export const TEST_ID_SUFFIX = 'T';

/** Every expression parameter of a node, by its path (`additionalFields.firstName`, `columns.value.Date`). */
export function expressionParameters(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return value.startsWith('=') ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => expressionParameters(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => expressionParameters(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/**
 * A Set node beside a pinned node, fed by the same parent: it evaluates the pinned node's
 * expression parameters for each item, with n8n's own expression engine and the same paired
 * items, so the test sees what the real node would have sent.
 */
function probeFor(node: WorkflowNode): WorkflowNode {
  const assignments = expressionParameters(node.parameters).map(([name, value], i) => ({ id: `probe-${i}`, name, value, type: 'string' }));
  return {
    id: `${node.id}-probe`,
    name: `${PROBE_PREFIX}${node.name}`,
    type: 'n8n-nodes-base.set',
    typeVersion: 3.4,
    position: [node.position[0], node.position[1] + 300],
    parameters: { mode: 'manual', assignments: { assignments }, includeOtherFields: false, options: { dotNotation: false, ignoreConversionErrors: true } },
  };
}

type Connections = Record<string, { main: Array<Array<{ node: string; type: string; index: number }> | null> }>;

/**
 * The copy of a template the test imports: its third-party nodes pinned (their output comes from
 * the workflow's pinned data, so they send nothing) and each one probed. Saved under its own id.
 */
export function testCopy(wf: DemoWorkflow, pins: Record<string, Json[]>): DemoWorkflow {
  const pinnedNodes = wf.nodes.filter((n) => n.name in pins);
  const missing = Object.keys(pins).filter((name) => !wf.nodes.some((n) => n.name === name));
  if (missing.length) throw new Error(`${wf.file}: the spec pins nodes the template does not have: ${missing.join(', ')}`);
  const connections = structuredClone(wf.connections) as Connections;
  for (const outputs of Object.values(connections)) {
    for (const targets of outputs.main) {
      if (!targets) continue;
      for (const target of [...targets]) {
        if (target.node in pins) targets.push({ ...target, node: `${PROBE_PREFIX}${target.node}` });
      }
    }
  }
  return {
    ...wf,
    id: `${wf.id}${TEST_ID_SUFFIX}`,
    name: `${wf.name} (test)`,
    nodes: [...wf.nodes, ...pinnedNodes.map(probeFor)],
    connections,
    pinData: Object.fromEntries(Object.entries(pins).map(([name, items]) => [name, items.map((json) => ({ json }))])),
  };
}
