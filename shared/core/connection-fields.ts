/**
 * One declaration of a vendor connection's fields, from which the n8n credential's `properties`
 * and the Zapier app's `authentication.fields` are derived (nodes/common/credential-properties.ts,
 * zapier/common/auth-fields.ts). Property names, types and defaults are what saved credentials and
 * connections hold: change them only with a migration.
 */
export type Platform = 'n8n' | 'zapier';

export interface ConnectionChoice {
  value: string;
  label: string;
  description?: string;
}

export interface ConnectionField {
  key: string;
  label: string;
  /** `secret`: a password field on both platforms, never shown back. */
  kind: 'text' | 'secret' | 'integer' | 'boolean' | 'choice';
  required?: boolean;
  default?: string | number | boolean;
  placeholder?: string;
  /** What to enter and where to find it; both platforms show it. */
  help: string;
  /** Where a platform needs other words (Zapier's help is Markdown and speaks of Zaps). */
  helpFor?: Partial<Record<Platform, string>>;
  /** The platforms that show the field; both unless said. */
  platforms?: readonly Platform[];
  choices?: readonly ConnectionChoice[];
  min?: number;
  max?: number;
  /** n8n only: show the field when another field has one of these values (Zapier shows every field). */
  shownWhen?: Record<string, ReadonlyArray<string | boolean>>;
  /** Zapier: no pre-filled default (the field is optional and empty means the default). */
  zapierLeavesEmpty?: boolean;
}

export function onPlatform(fields: readonly ConnectionField[], platform: Platform): ConnectionField[] {
  return fields.filter((field) => !field.platforms || field.platforms.includes(platform));
}

export function helpOn(field: ConnectionField, platform: Platform): string {
  return field.helpFor?.[platform] ?? field.help;
}

/** The opt-in that lets a credential URL use plain http: only ever for a test server. */
export function allowPlainHttpField(urlLabel: string, secretWord: 'key' | 'token' = 'key', shownWhen?: ConnectionField['shownWhen']): ConnectionField {
  return {
    key: 'allowHttp',
    label: 'Allow Plain HTTP',
    kind: 'boolean',
    default: false,
    help: `Whether to allow an http:// ${urlLabel}. Only for a local or private test server: the ${secretWord} then travels unencrypted.`,
    helpFor: {
      zapier: `Only for a test server: allows a ${urlLabel} starting with http://, which sends the ${secretWord} unencrypted. Leave it false.`,
    },
    shownWhen,
  };
}
