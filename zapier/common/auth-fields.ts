import type { AuthField } from 'zapier-platform-core';

/** The opt-in that lets a credential URL use plain http: only ever for a test server. */
export function allowHttpField(urlLabel: string, secretWord: 'key' | 'token' = 'key'): AuthField {
  return {
    key: 'allowHttp',
    label: 'Allow Plain HTTP',
    type: 'boolean',
    required: false,
    isNoSecret: true,
    default: 'false',
    helpText: `Only for a test server: allows a ${urlLabel} starting with http://, which sends the ${secretWord} unencrypted. Leave it false.`,
  };
}
