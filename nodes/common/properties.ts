import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { loadOptionsMethodName, searchMethodName } from './dropdown-methods';
import { type OperationBinding, type ParamBinding, resourceDisplayName } from './operation-binding';
import { outputOptionProperties } from './output-option';
import { requestOptionsProperty } from './requests-in-flight';
import { inVersions, versionBands } from './version-bands';
import type { VendorSpec } from './vendors';

const IDEMPOTENCY_DEFAULT_NOTE =
  ' When empty, n8n uses a key derived from this execution, node, run and item, so a retry of this node changes nothing twice.';

/**
 * The resource → operation → fields parameters of a vendor's action node, from its declarations.
 * Operations and fields declared with `n8nSince` appear from that node version on (version-bands.ts).
 */
export function operationProperties(vendor: VendorSpec): INodeProperties[] {
  const bindings = [...vendor.bindings.values()];
  const resourceSince = (resource: string) => Math.min(...bindings.filter((b) => b.op.resource === resource).map((b) => b.since));
  const resources = [...new Set(bindings.map((b) => b.op.resource))];
  const properties: INodeProperties[] = versionBands(resources, resourceSince).map((band) => {
    const firstResource = band.items[0];
    return {
      displayName: 'Resource',
      name: 'resource',
      type: 'options',
      noDataExpression: true,
      displayOptions: inVersions(undefined, band.from, band.until),
      options: sortByName(band.items.map((r) => ({ name: resourceDisplayName(r), value: r }))),
      default: firstResource,
    };
  });
  for (const resource of resources) {
    const ops = bindings.filter((b) => b.op.resource === resource);
    for (const band of versionBands(ops, (b) => b.since)) {
      const options = sortByName(
        band.items.map((b) => ({ name: b.op.label, value: b.op.key, action: sentenceCase(b.op.label), description: b.op.description })),
      );
      const firstOperation = options[0].value;
      properties.push({
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: inVersions({ show: { resource: [resource] } }, band.from, band.until),
        options,
        default: firstOperation,
      });
    }
  }
  for (const binding of bindings) properties.push(...bindingProperties(binding));
  properties.push(requestOptionsProperty);
  return properties;
}

function bindingProperties(binding: OperationBinding): INodeProperties[] {
  const show = { resource: [binding.op.resource], operation: [binding.op.key] };
  const from = (since: number) => inVersions({ show }, since);
  const out: INodeProperties[] = binding.top.map((p) => ({ ...paramProperty(binding, p), required: true, displayOptions: inVersions({ show }, p.since, p.until) }));
  if (binding.isList) {
    out.push(
      {
        displayName: 'Return All',
        name: 'returnAll',
        type: 'boolean',
        default: false,
        description: 'Whether to return all results or only up to a given limit',
        displayOptions: from(binding.since),
      },
      {
        displayName: 'Limit',
        name: 'limit',
        type: 'number',
        typeOptions: { minValue: 1 },
        default: 50,
        description: 'Max number of results to return',
        displayOptions: inVersions({ show: { ...show, returnAll: [false] } }, binding.since),
      },
    );
  }
  for (const band of versionBands(binding.optional, (p) => p.since)) {
    out.push({
      displayName: binding.collection.displayName,
      name: binding.collection.name,
      type: 'collection',
      placeholder: binding.collection.placeholder,
      default: {},
      displayOptions: inVersions({ show }, band.from, band.until),
      options: band.items
        .map((p) => paramProperty(binding, p))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    });
  }
  out.push(...outputOptionProperties(binding));
  return out;
}

function paramProperty(binding: OperationBinding, p: ParamBinding): INodeProperties {
  const isIdempotencyKey = binding.op.idempotencyKeyField === p.field;
  const base = {
    displayName: p.label,
    name: p.param,
    description: isIdempotencyKey ? `${p.help}${IDEMPOTENCY_DEFAULT_NOTE}` : p.help,
  };
  const scalar = p.kind.type === 'number' || p.kind.type === 'textOrNumber';
  if (p.dropdown && scalar) {
    const listOfIds = p.kind.type === 'textOrNumber';
    return {
      ...base,
      type: 'resourceLocator',
      default: { mode: 'list', value: '' },
      modes: [
        {
          displayName: 'From List',
          name: 'list',
          type: 'list',
          placeholder: `Select a ${p.label.toLowerCase()}...`,
          typeOptions: { searchListMethod: searchMethodName(p.dropdown), searchable: true },
        },
        {
          displayName: 'By ID',
          name: 'id',
          type: 'string',
          placeholder: p.example === undefined ? '' : String(p.example),
          validation: [
            {
              type: 'regex',
              properties: {
                regex: listOfIds ? '^[0-9]+(,[0-9]+)*$' : '^[0-9]+$',
                errorMessage: listOfIds ? 'Enter an ID, or several separated by commas' : 'Enter a numeric ID',
              },
            },
          ],
        },
      ],
    };
  }
  if (p.dropdown && p.kind.type === 'stringList') {
    return { ...base, type: 'multiOptions', typeOptions: { loadOptionsMethod: loadOptionsMethodName(p.dropdown) }, default: [] };
  }
  switch (p.kind.type) {
    case 'number':
      return { ...base, type: 'number', default: !p.required && typeof p.example === 'number' ? p.example : 0 };
    case 'boolean':
      return { ...base, type: 'boolean', default: false };
    case 'options':
      return {
        ...base,
        type: 'options',
        options: p.kind.values.map((value) => ({ name: titleCase(value), value })),
        default: typeof p.example === 'string' ? p.example : p.kind.values[0],
      };
    case 'json':
      return { ...base, type: 'json', default: '', placeholder: JSON.stringify(p.example ?? {}) };
    case 'stringList':
      return {
        ...base,
        type: 'string',
        default: '',
        placeholder: Array.isArray(p.example) ? p.example.join(',') : '',
        description: `${base.description} Separate several with commas.`,
      };
    default:
      return { ...base, type: 'string', default: '', placeholder: p.example === undefined ? '' : String(p.example) };
  }
}

function sortByName<T extends INodePropertyOptions>(options: T[]): T[] {
  return [...options].sort((a, b) => a.name.localeCompare(b.name));
}

const sentenceCase = (label: string) => label.charAt(0) + label.slice(1).toLowerCase().replace(/\bwifi\b/g, 'WiFi');
const titleCase = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
