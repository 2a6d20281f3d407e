import { type ConnectionField, allowPlainHttpField } from '../core/connection-fields';

/** The Splash Air connection: the n8n credential and the Zapier account. */
export const SPLASH_CONNECTION: readonly ConnectionField[] = [
  {
    key: 'host',
    label: 'Host',
    kind: 'text',
    required: true,
    default: '',
    placeholder: 'splash.example.com',
    help: 'The host name of your Splash Air dashboard, with or without https://. The API is under /api.',
    helpFor: { zapier: 'The address of your Splash Air dashboard, e.g. `splash.example.com` (with or without https://). The API lives under /api on it.' },
  },
  {
    key: 'apiKey',
    label: 'API Key',
    kind: 'secret',
    required: true,
    help: 'Generate it in Splash Air under Admin > Generate API Key. It is shown only once.',
    helpFor: { zapier: 'Your Splash Air API key: in the dashboard, go to Admin > Generate API Key.' },
  },
  {
    key: 'team',
    label: 'Team',
    kind: 'text',
    default: 'default',
    help: 'The team identifier (slug) for multi-tenant accounts; default is the root team',
    helpFor: { zapier: 'The identifier (slug) of the team whose data Zapier works with. Leave `default` for the root team.' },
  },
  allowPlainHttpField('host'),
];
