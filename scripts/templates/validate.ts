/**
 * Pinned nodes are never run, and n8n skips its own parameter check for them
 * (NodeHelpers.getNodeParametersIssues ignores "pindata nodes"), so the templates' n8n nodes are
 * checked here against the node descriptions of the n8n that runs them (n8n-nodes-base's
 * dist/types/nodes.json, what the editor loads): the newest version of the node, every parameter
 * known and shown for the chosen resource and operation, fixed option values among the options,
 * no issue n8n itself would report, and a credential of each type the chosen authentication needs.
 */
import { join } from 'node:path';
import type { N8nRuntime } from '../runtime/n8n';
import type { WorkflowNode } from '../start/setup';
import type { Check } from './spec';

interface Property {
  name: string;
  type: string;
  default?: unknown;
  required?: boolean;
  displayOptions?: unknown;
  typeOptions?: { loadOptionsMethod?: string; loadOptions?: unknown };
  options?: Array<{ name: string; value?: unknown; values?: Property[]; type?: string } & Partial<Property>>;
  values?: Property[];
}
interface Description {
  name: string;
  version: number | number[];
  defaultVersion?: number;
  properties: Property[];
  credentials?: Array<{ name: string; required?: boolean; displayOptions?: unknown }>;
}
interface NodeHelpers {
  getNodeParametersIssues(properties: Property[], node: WorkflowNode, description: Description): { parameters?: Record<string, string[]> } | null;
  displayParameter(values: Record<string, unknown>, property: { displayOptions?: unknown }, node: WorkflowNode, description: Description): boolean;
  getNodeParameters(properties: Property[], values: Record<string, unknown>, returnDefaults: boolean, returnNoneDisplayed: boolean, node: WorkflowNode, description: Description): Record<string, unknown> | null;
}

const PREFIX = 'n8n-nodes-base.';

export class NodeCatalog {
  private readonly byName = new Map<string, Description[]>();
  private readonly helpers: NodeHelpers;

  constructor(runtime: N8nRuntime) {
    const all = require(join(runtime.modules, 'n8n-nodes-base', 'dist', 'types', 'nodes.json')) as Description[];
    for (const d of all) this.byName.set(d.name, [...(this.byName.get(d.name) ?? []), d]);
    this.helpers = (require(join(runtime.modules, 'n8n-workflow')) as { NodeHelpers: NodeHelpers }).NodeHelpers;
  }

  /** The description of `type` at `version`, and the newest version there is. */
  describe(type: string, version: number): { description?: Description; newest: number } {
    const versions = this.byName.get(type.slice(PREFIX.length)) ?? [];
    const all = versions.flatMap((d) => (Array.isArray(d.version) ? d.version : [d.version]));
    const newest = versions.find((d) => d.defaultVersion !== undefined)?.defaultVersion ?? Math.max(...all);
    return { description: versions.find((d) => (Array.isArray(d.version) ? d.version : [d.version]).includes(version)), newest };
  }

  check(template: WorkflowNode): Check[] {
    let node = template;
    const name = `${node.name} (${node.type.slice(PREFIX.length)} v${node.typeVersion})`;
    const { description, newest } = this.describe(node.type, node.typeVersion);
    if (!description) return [{ name: `${name}: a node of n8n`, ok: false, detail: `no such node type or version in this n8n (newest ${newest})` }];
    const problems: string[] = [];
    // As the editor holds a node: its parameters completed with the defaults (resource, operation...).
    node = { ...node, parameters: this.helpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {} };
    if (node.typeVersion !== newest) problems.push(`version ${node.typeVersion}, the newest is ${newest}`);
    problems.push(...this.unknownParameters(node, description, template.parameters));
    const issues = this.helpers.getNodeParametersIssues(description.properties, node, description);
    for (const [parameter, messages] of Object.entries(issues?.parameters ?? {})) problems.push(`${parameter}: ${messages.join('; ')}`);
    for (const credential of description.credentials ?? []) {
      if (!this.helpers.displayParameter(node.parameters, credential, node, description)) continue;
      if (!node.credentials?.[credential.name]?.name) problems.push(`needs a ${credential.name} credential`);
    }
    return [{ name: `${name}: valid for this n8n`, ok: problems.length === 0, detail: problems.join(' | ') || 'newest version, every parameter known, no issues, credential set' }];
  }

  /** Parameters n8n does not know or would not show for this node's other settings (a typo is silently ignored). */
  private unknownParameters(node: WorkflowNode, description: Description, given: Record<string, unknown>): string[] {
    const problems: string[] = [];
    for (const [key, value] of Object.entries(given)) {
      const shown = description.properties.filter((p) => p.name === key && this.helpers.displayParameter(node.parameters, p, node, description));
      if (shown.length === 0) {
        problems.push(`unknown or hidden parameter "${key}"`);
        continue;
      }
      // Several properties may share a name (one per operation); the value must suit one of those shown.
      const perProperty = shown.map((p) => nestedProblems(p, value, key));
      if (perProperty.every((list) => list.length > 0)) problems.push(...perProperty[0]);
    }
    return problems;
  }
}

const isExpression = (v: unknown) => typeof v === 'string' && v.startsWith('=');

function nestedProblems(property: Property, value: unknown, path: string): string[] {
  if (isExpression(value)) return [];
  if (property.type === 'options' && !property.typeOptions?.loadOptionsMethod && !property.typeOptions?.loadOptions) {
    const allowed = (property.options ?? []).map((o) => o.value);
    return allowed.includes(value) ? [] : [`${path}: "${String(value)}" is not one of ${allowed.join(', ')}`];
  }
  if (property.type === 'collection' && value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const sub = (property.options ?? []).find((o) => o.name === k) as Property | undefined;
      return sub ? nestedProblems(sub, v, `${path}.${k}`) : [`${path}: unknown field "${k}"`];
    });
  }
  if (property.type === 'fixedCollection' && value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const group = (property.options ?? []).find((o) => o.name === k);
      if (!group) return [`${path}: unknown group "${k}"`];
      const rows = Array.isArray(v) ? v : [v];
      return rows.flatMap((row, i) =>
        Object.entries(row as Record<string, unknown>).flatMap(([field, fieldValue]) => {
          const sub = group.values?.find((p) => p.name === field);
          return sub ? nestedProblems(sub, fieldValue, `${path}.${k}[${i}].${field}`) : [`${path}.${k}: unknown field "${field}"`];
        }),
      );
    });
  }
  return [];
}
