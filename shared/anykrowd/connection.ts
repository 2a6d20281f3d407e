import { type ConnectionField, allowPlainHttpField } from '../core/connection-fields';

/** The anykrowd connection: the n8n credential and the Zapier account. */
export const ANYKROWD_CONNECTION: readonly ConnectionField[] = [
  {
    key: 'tenantUrl',
    label: 'Tenant URL',
    kind: 'text',
    required: true,
    default: '',
    placeholder: 'https://nightclub.anykrowd.dev',
    help: 'Your own anykrowd address, without /apix/v1',
    helpFor: { zapier: 'Your own anykrowd address, e.g. `https://nightclub.anykrowd.dev` (without /apix/v1).' },
  },
  {
    key: 'apiKey',
    label: 'API Key',
    kind: 'secret',
    required: true,
    help: 'The APIX key your anykrowd project manager gave you',
    helpFor: { zapier: 'Your anykrowd APIX key. Ask your anykrowd project manager for one.' },
  },
  allowPlainHttpField('Tenant URL'),
];
