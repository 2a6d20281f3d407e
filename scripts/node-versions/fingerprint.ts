/**
 * Node versioning rule for the generated action nodes: a workflow saved at a node version must keep
 * the parameters it was built with. For each version a node declares, the parameters n8n shows at
 * that version (`@version` conditions in displayOptions resolved) are reduced to what a saved
 * workflow depends on (names, types, defaults, required, option values, display conditions, type
 * options, resource-locator modes; not labels, descriptions or placeholders) and hashed. The hashes
 * are committed in node-parameter-versions.json; a recorded version's hash never changes.
 */
import { createHash } from 'node:crypto';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

export type VersionSnapshot = Record<string, Record<string, string>>;

type VersionCondition = number | { _cnd: Record<string, number | { from: number; to: number }> };

function matches(condition: VersionCondition, version: number): boolean {
  if (typeof condition === 'number') return condition === version;
  return Object.entries(condition._cnd).every(([op, bound]) => {
    if (typeof bound === 'object') return op === 'between' && version >= bound.from && version <= bound.to;
    switch (op) {
      case 'eq':
        return version === bound;
      case 'not':
        return version !== bound;
      case 'gte':
        return version >= bound;
      case 'lte':
        return version <= bound;
      case 'gt':
        return version > bound;
      case 'lt':
        return version < bound;
      default:
        throw new Error(`@version condition ${op} is not understood by the node-version check`);
    }
  });
}

function visibleAt(property: INodeProperties, version: number): boolean {
  const show = property.displayOptions?.show?.['@version'] as VersionCondition[] | undefined;
  const hide = property.displayOptions?.hide?.['@version'] as VersionCondition[] | undefined;
  if (show && !show.some((c) => matches(c, version))) return false;
  if (hide && hide.some((c) => matches(c, version))) return false;
  return true;
}

function withoutVersion(displayOptions: INodeProperties['displayOptions']): unknown {
  if (!displayOptions) return undefined;
  const strip = (conditions?: Record<string, unknown>) => {
    if (!conditions) return undefined;
    const { '@version': _version, ...rest } = conditions;
    return Object.keys(rest).length > 0 ? rest : undefined;
  };
  return { show: strip(displayOptions.show), hide: strip(displayOptions.hide) };
}

function canonicalOption(option: NonNullable<INodeProperties['options']>[number], version: number): unknown {
  if ('value' in option) return option.value;
  if ('type' in option) return canonical(option as INodeProperties, version);
  const group = option as { name: string; values: INodeProperties[] };
  return { name: group.name, values: canonicalList(group.values, version) };
}

function canonical(p: INodeProperties, version: number): unknown {
  return {
    name: p.name,
    type: p.type,
    default: p.default,
    required: p.required ?? false,
    noDataExpression: p.noDataExpression ?? false,
    displayOptions: withoutVersion(p.displayOptions),
    typeOptions: p.typeOptions,
    options: p.options?.map((o) => canonicalOption(o, version)),
    modes: p.modes?.map((m) => ({ name: m.name, type: m.type, typeOptions: m.typeOptions, validation: m.validation })),
    validateType: p.validateType,
  };
}

function canonicalList(properties: INodeProperties[], version: number): unknown[] {
  return properties.filter((p) => visibleAt(p, version)).map((p) => canonical(p, version));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function versionsOf(description: INodeTypeDescription): number[] {
  return Array.isArray(description.version) ? [...description.version] : [description.version];
}

export function parameterFingerprint(description: INodeTypeDescription, version: number): string {
  return createHash('sha256').update(stableJson(canonicalList(description.properties, version))).digest('hex').slice(0, 16);
}

/** Every way the nodes break the rule, as sentences; empty when they keep it. */
export function versioningProblems(descriptions: INodeTypeDescription[], snapshot: VersionSnapshot): string[] {
  const problems: string[] = [];
  for (const description of descriptions) {
    const recorded = snapshot[description.name] ?? {};
    const versions = versionsOf(description);
    const latest = Math.max(...versions);
    if ((description.defaultVersion ?? latest) !== latest) {
      problems.push(`${description.name}: defaultVersion is ${description.defaultVersion}, not its newest version ${latest}`);
    }
    for (const version of Object.keys(recorded).map(Number)) {
      if (!versions.includes(version)) problems.push(`${description.name}: version ${version} was recorded but the node no longer declares it (saved workflows use it)`);
    }
    for (const version of versions) {
      const now = parameterFingerprint(description, version);
      const then = recorded[String(version)];
      if (then === undefined) {
        problems.push(`${description.name}: version ${version} is not recorded yet: run npm run -s node-versions -- --record`);
      } else if (then !== now) {
        problems.push(
          `${description.name}: the parameters of version ${version} changed, which changes workflows saved at ${version}. ` +
            `Keep version ${version}'s parameters as they were (show what changed only from a new version, with '@version' in displayOptions), ` +
            `add the new version to the node's version list and defaultVersion, then run npm run -s node-versions -- --record`,
        );
      }
    }
  }
  return problems;
}

/** Records versions not yet in the snapshot; a recorded version is never rewritten. */
export function recordVersions(descriptions: INodeTypeDescription[], snapshot: VersionSnapshot): VersionSnapshot {
  const next: VersionSnapshot = structuredClone(snapshot);
  for (const description of descriptions) {
    next[description.name] ??= {};
    for (const version of versionsOf(description)) next[description.name][String(version)] ??= parameterFingerprint(description, version);
  }
  return next;
}
