import type { DropdownSource, OperationDeclaration, Paging } from '../../shared/core/operation';
import { type FieldKind, fieldKind, isRequired } from './field-kind';

/** Where one declared field lives among the node's parameters. */
export interface ParamBinding {
  field: string;
  param: string;
  label: string;
  help: string;
  example?: unknown;
  kind: FieldKind;
  required: boolean;
  dropdown?: DropdownSource;
  /** The node version that first shows it (`n8nSince` of the field, at least the operation's). */
  since: number;
  /** The first node version that no longer shows it (a field required only in older versions). */
  until?: number;
}

/** The n8n face of one declared operation. */
export interface OperationBinding {
  op: OperationDeclaration;
  /** Required fields, shown as parameters of their own. */
  top: ParamBinding[];
  /** Optional fields, grouped in one collection. */
  optional: ParamBinding[];
  collection: { name: string; displayName: string; placeholder: string };
  /** List operations get Return All / Limit instead of the vendor's paging fields. */
  isList: boolean;
  paging: Paging;
  /** The node version that first offers the operation (`n8nSince`, default 1). */
  since: number;
}

const RESOURCE_NAMES: Record<string, string> = { wifi: 'WiFi' };

export function resourceDisplayName(resource: string): string {
  return RESOURCE_NAMES[resource] ?? titleCase(resource);
}

function titleCase(camel: string): string {
  return camel.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

const camelCase = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `guest_id` → `guestId`; a bare `id` is named after its resource (`currencyId`, `walletId`). */
export function paramName(op: OperationDeclaration, field: string): string {
  return field === 'id' ? `${op.resource}Id` : camelCase(field);
}

export function pagingFieldsOf(paging: Paging): string[] {
  if (paging.style === 'offset') return [paging.limitParam, paging.offsetParam];
  if (paging.style === 'page') return [paging.pageParam, paging.sizeParam];
  return [];
}

export function bindOperation(op: OperationDeclaration): OperationBinding {
  const isList = op.returns === 'list';
  const skipped = new Set(isList ? pagingFieldsOf(op.paging) : []);
  const since = op.n8nSince ?? 1;
  const top: ParamBinding[] = [];
  const optional: ParamBinding[] = [];
  for (const [field, declaration] of Object.entries(op.fields)) {
    if (skipped.has(field)) continue;
    const binding: ParamBinding = {
      field,
      param: paramName(op, field),
      label: declaration.label,
      help: declaration.help,
      example: declaration.example,
      kind: fieldKind(declaration.schema),
      required: isRequired(declaration.schema),
      dropdown: declaration.dropdown,
      since: Math.max(since, declaration.n8nSince ?? 1),
    };
    (binding.required ? top : optional).push(binding);
    const requiredUntil = declaration.n8nRequiredUntil;
    if (!binding.required && requiredUntil !== undefined && requiredUntil > binding.since) {
      // Required before `requiredUntil`: a parameter of its own there, an optional field from then on.
      top.push({ ...binding, required: true, until: requiredUntil });
      binding.since = requiredUntil;
    }
  }
  return { op, top, optional, collection: collectionFor(op, isList), isList, paging: op.paging, since };
}

function collectionFor(op: OperationDeclaration, isList: boolean): OperationBinding['collection'] {
  if (isList) return { name: 'filters', displayName: 'Filters', placeholder: 'Add Filter' };
  if (op.method === 'PATCH' || op.method === 'PUT') {
    return { name: 'updateFields', displayName: 'Update Fields', placeholder: 'Add Field' };
  }
  return { name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field' };
}
