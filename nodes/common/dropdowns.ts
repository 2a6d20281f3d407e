import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';
import { paginate } from '../../shared/client/paginate';
import type { DropdownSource } from '../../shared/core/operation';
import { createRunner } from './connection';
import { loadOptionsMethodName, searchMethodName } from './dropdown-methods';
import { toNodeError } from './node-errors';
import type { VendorSpec } from './vendors';

/** Dropdowns list at most this many entries; "By ID" covers anything beyond. */
const MAX_CHOICES = 1000;

type ListSearch = (this: ILoadOptionsFunctions, filter?: string) => Promise<INodeListSearchResult>;
type LoadOptions = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/** `listSearch` and `loadOptions` methods for every dropdown the vendor's declarations name. */
export function dropdownMethods(vendor: VendorSpec): { listSearch: Record<string, ListSearch>; loadOptions: Record<string, LoadOptions> } {
  const listSearch: Record<string, ListSearch> = {};
  const loadOptions: Record<string, LoadOptions> = {};
  for (const binding of vendor.bindings.values()) {
    for (const p of [...binding.top, ...binding.optional]) {
      if (!p.dropdown) continue;
      const dropdown = p.dropdown;
      if (p.kind.type === 'stringList') {
        loadOptions[loadOptionsMethodName(dropdown)] = async function () {
          return await choices(this, vendor, dropdown);
        };
      } else {
        listSearch[searchMethodName(dropdown)] = async function (filter?: string) {
          const term = (filter ?? '').trim().toLowerCase();
          const all = await choices(this, vendor, dropdown);
          const results = term
            ? all.filter((c) => c.name.toLowerCase().includes(term) || String(c.value) === term)
            : all;
          return { results: results.map((c) => ({ name: c.name, value: String(c.value) })) };
        };
      }
    }
  }
  return { listSearch, loadOptions };
}

async function choices(ctx: ILoadOptionsFunctions, vendor: VendorSpec, dropdown: DropdownSource): Promise<INodePropertyOptions[]> {
  const op = vendor.operations[dropdown.operation];
  try {
    const runner = await createRunner(ctx, vendor);
    const out: INodePropertyOptions[] = [];
    for await (const item of paginate(runner, op, {}, { maxItems: MAX_CHOICES })) {
      const record = (item ?? {}) as Record<string, unknown>;
      const value = record[dropdown.value];
      if (value === undefined || value === null || value === '') continue;
      const label = record[dropdown.label];
      const name = label === undefined || label === null || label === '' ? String(value) : `${String(label)}`;
      out.push({ name, value: value as string | number });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    throw toNodeError(ctx.getNode(), error);
  }
}
