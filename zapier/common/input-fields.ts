import type { PlainInputField } from 'zapier-platform-core';
import type { DropdownSource, FieldDeclaration, OperationDeclaration } from '../../shared/core/operation';
import { type NestedField, type Shape, shapeOf, unwrap } from './schema-shape';

export type InputField = PlainInputField;

export interface InputFieldOptions {
  /** Only these declared fields, in this order (default: every field that is not a paging parameter). */
  only?: string[];
  /** Zapier-specific changes per field, e.g. help that explains how Zapier fills an idempotency key. */
  overrides?: Record<string, Partial<InputField>>;
}

/** The declared fields of an operation as Zapier input fields: label, help, type, dropdown, example. */
export function inputFieldsFor(op: OperationDeclaration, options: InputFieldOptions = {}): InputField[] {
  const names = options.only ?? Object.keys(op.fields).filter((name) => !pagingParams(op).has(name));
  return names.map((name) => {
    const field = op.fields[name];
    if (!field) throw new Error(`${op.id} has no field ${name}`);
    return { ...inputFieldFor(name, field), ...options.overrides?.[name] };
  });
}

export function inputFieldFor(name: string, field: FieldDeclaration): InputField {
  const typed = typeOf(shapeOf(field.schema), field.dropdown);
  const required = !unwrap(field.schema).optional;
  if (typed.children) {
    // Zapier line items take no help text or placeholder of their own: the first column carries it.
    const [first, ...rest] = typed.children;
    return { key: name, label: field.label, required, children: [{ ...first, helpText: `${field.help} ${first.helpText}` }, ...rest] };
  }
  return { key: name, label: field.label, helpText: field.help, required, ...typed, ...placeholderOf(field.example) };
}

/** Query parameters the Zapier operation fills itself (page, offset, window bounds). */
export function pagingParams(op: OperationDeclaration): Set<string> {
  const paging = op.paging;
  switch (paging.style) {
    case 'offset':
      return new Set([paging.limitParam, paging.offsetParam]);
    case 'page':
      return new Set([paging.pageParam, paging.sizeParam]);
    case 'window':
      return new Set([paging.fromParam, paging.toParam]);
    default:
      return new Set();
  }
}

export function dynamicRef(dropdown: DropdownSource): string {
  return `${dropdown.operation}.${dropdown.value}.${dropdown.label}`;
}

function typeOf(shape: Shape, dropdown?: DropdownSource): Partial<InputField> {
  const dynamic = dropdown ? { dynamic: dynamicRef(dropdown) } : {};
  switch (shape.kind) {
    case 'integer':
      return { type: 'integer', ...dynamic };
    case 'number':
      return { type: 'number', ...dynamic };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', choices: shape.values.map((value) => ({ value, label: value, sample: value })) };
    case 'string':
      return { type: (shape.maxLength ?? 0) > 255 && !dropdown ? 'text' : 'string', ...dynamic };
    case 'list':
      if (shape.item.kind === 'object') return { children: childFields(shape.item.fields) };
      return { ...typeOf(shape.item, dropdown), list: true };
    case 'dict':
      return { dict: true };
    case 'object':
      return { type: 'text' };
    default:
      return { type: 'string', ...dynamic };
  }
}

/** Line items (one level deep, as Zapier allows): nested lists are typed as text. */
function childFields(fields: Record<string, NestedField>): InputField[] {
  return Object.entries(fields).map(([key, nested]) => {
    const child: InputField = {
      key,
      label: nested.label ?? key,
      helpText: nested.help ?? key,
      required: nested.required,
    };
    if (nested.shape.kind === 'list' && nested.shape.item.kind === 'object') {
      const keys = Object.keys(nested.shape.item.fields).join(', ');
      return { ...child, type: 'text', helpText: `${child.helpText} As a JSON list of objects with ${keys}.` };
    }
    if (nested.shape.kind === 'list') {
      return { ...child, type: 'string', helpText: `${child.helpText} Separate several with commas.` };
    }
    return { ...child, ...typeOf(nested.shape, nested.dropdown) };
  });
}

function placeholderOf(example: unknown): Partial<InputField> {
  if (example === undefined || example === null) return {};
  // A list field shows one entry per item: its placeholder is one item.
  if (Array.isArray(example) && example.length > 0 && typeof example[0] !== 'object') return { placeholder: String(example[0]) };
  if (typeof example === 'object') return { placeholder: JSON.stringify(example) };
  return { placeholder: String(example) };
}
