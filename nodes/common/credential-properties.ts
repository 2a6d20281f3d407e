import type { INodeProperties } from 'n8n-workflow';
import { type ConnectionField, helpOn, onPlatform } from '../../shared/core/connection-fields';

/**
 * An n8n credential's `properties` from the shared connection declaration (saved credentials keep
 * working: names, types and defaults are the declaration's). Credentials import this file directly,
 * so only it and the declarations are bundled into each of them.
 */
export function credentialProperties(fields: readonly ConnectionField[]): INodeProperties[] {
  return onPlatform(fields, 'n8n').map(property);
}

function property(field: ConnectionField): INodeProperties {
  const out: INodeProperties = {
    displayName: field.label,
    name: field.key,
    type: TYPES[field.kind],
    default: field.default ?? (field.kind === 'boolean' ? false : ''),
    description: helpOn(field, 'n8n'),
  };
  if (field.kind === 'secret') out.typeOptions = { password: true };
  if (field.min !== undefined || field.max !== undefined) out.typeOptions = { minValue: field.min, maxValue: field.max };
  if (field.choices) out.options = field.choices.map(({ value, label, description }) => ({ name: label, value, description }));
  if (field.required && field.kind !== 'choice') out.required = true;
  if (field.placeholder) out.placeholder = field.placeholder;
  if (field.shownWhen) out.displayOptions = { show: Object.fromEntries(Object.entries(field.shownWhen).map(([key, values]) => [key, [...values]])) };
  return out;
}

const TYPES = { text: 'string', secret: 'string', integer: 'number', boolean: 'boolean', choice: 'options' } as const;

/**
 * A notice under the form while the URL starts with http:// and Allow Plain HTTP is off: the test
 * then sends nothing, and this says why before the user even tests (`_cnd` needs n8n 1.x or later).
 */
export function plainHttpNotice(urlField: string, urlLabel: string, shownWhen: Record<string, Array<string | boolean>> = {}): INodeProperties {
  return {
    displayName: `This ${urlLabel} starts with http://, so the key would travel unencrypted: nothing is sent to it. Use https://, or turn on Allow Plain HTTP for a local or private test server.`,
    name: 'plainHttpNotice',
    type: 'notice',
    default: '',
    displayOptions: { show: { ...shownWhen, allowHttp: [false], [urlField]: [{ _cnd: { startsWith: 'http://' } }] } },
  };
}
