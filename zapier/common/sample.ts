import type { OutputField } from './output-fields';

type Json = Record<string, unknown>;

/** `currency__name` → ['currency', 'name']; `rewards[]name` → ['rewards[]', 'name']. */
function pathOf(key: string): string[] {
  return key.split(/__|(?<=\[\])/).filter(Boolean);
}

/** The sample's value for an output field key (`null` for a list without items), undefined when absent. */
export function valueAt(sample: Json, key: string): unknown {
  let current: unknown = sample;
  for (const part of pathOf(key)) {
    if (current === undefined || current === null || typeof current !== 'object') return undefined;
    if (part.endsWith('[]')) {
      const list = (current as Json)[part.slice(0, -2)];
      if (!Array.isArray(list)) return undefined;
      current = list[0] ?? null;
      continue;
    }
    current = (current as Json)[part];
  }
  return current;
}

/**
 * The vendor's documented example with every output field present, so the editor shows each field
 * Zapier lists (integration check D024). A field the example leaves out becomes `null`: nothing
 * is invented. A list the example leaves out becomes `[]`.
 */
export function sampleWithOutputFields(sample: Json, outputFields: OutputField[]): Json {
  const complete = structuredClone(sample);
  for (const { key } of outputFields) {
    if (valueAt(complete, key) !== undefined) continue;
    let parent: Json = complete;
    const parts = pathOf(key);
    for (const [i, part] of parts.entries()) {
      const last = i === parts.length - 1;
      if (part.endsWith('[]')) {
        const name = part.slice(0, -2);
        const list = parent[name];
        if (!Array.isArray(list)) parent[name] = [];
        const first = (parent[name] as unknown[])[0];
        if (last || !first || typeof first !== 'object') break;
        parent = first as Json;
        continue;
      }
      if (last) {
        if (parent[part] === undefined) parent[part] = null;
        break;
      }
      if (parent[part] === undefined || parent[part] === null) parent[part] = {};
      if (typeof parent[part] !== 'object') break;
      parent = parent[part] as Json;
    }
  }
  return complete;
}
