import type { AuthField } from 'zapier-platform-core';
import { type ConnectionField, helpOn, onPlatform } from '../../shared/core/connection-fields';

/** A Zapier app's `authentication.fields` from the shared connection declaration (shared/<vendor>/connection.ts). */
export function authFields(fields: readonly ConnectionField[]): AuthField[] {
  return onPlatform(fields, 'zapier').map(authField);
}

const TYPES = { text: 'string', secret: 'password', integer: 'integer', boolean: 'boolean', choice: 'string' } as const;

function authField(field: ConnectionField): AuthField {
  const out: AuthField = { key: field.key, label: field.label, type: TYPES[field.kind], required: field.required ?? false };
  // Zapier's schema refuses isNoSecret on a key that sounds secret (signatureHeader), whatever it holds.
  if (field.kind !== 'secret' && !/secret|signature|token|password/i.test(field.key)) out.isNoSecret = true;
  const preset = field.default === undefined || field.default === '' ? undefined : String(field.default);
  // An optional field left empty means the default, so Zapier shows the default as a hint only.
  if (field.zapierLeavesEmpty) out.placeholder = field.placeholder ?? preset;
  else {
    if (preset !== undefined) out.default = preset;
    if (field.placeholder) out.placeholder = field.placeholder;
  }
  if (field.choices) out.choices = field.choices.map(({ value, label }) => ({ value, label, sample: value }));
  out.helpText = helpOn(field, 'zapier');
  return out;
}
