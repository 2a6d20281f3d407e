import { type ConnectionField, allowPlainHttpField } from '../core/connection-fields';
import { SMARTWIFI_HOSTS } from './constants';

const US_A = SMARTWIFI_HOSTS['us-a'].replace('https://', '');
const US_B = SMARTWIFI_HOSTS['us-b'].replace('https://', '');

/** The SmartWiFi connection: the n8n credential and the Zapier account. */
export const SMARTWIFI_CONNECTION: readonly ConnectionField[] = [
  {
    key: 'apiToken',
    label: 'API Token',
    kind: 'secret',
    required: true,
    help: 'The API token from your SmartWiFi dashboard',
    helpFor: { zapier: 'Your SmartWiFi API token, from the SmartWiFi dashboard. SmartWiFi takes it in the URL; Zapier keeps it out of its logs.' },
  },
  {
    key: 'environment',
    label: 'Environment',
    kind: 'choice',
    required: true,
    default: 'us-a',
    choices: [
      { value: 'us-a', label: 'US-A', description: US_A },
      { value: 'us-b', label: 'US-B', description: US_B },
      { value: 'custom', label: 'Custom', description: 'Another base URL, e.g. a test server' },
    ],
    help: 'Where your hotspots live; SmartWiFi support tells you which one',
    helpFor: {
      zapier: `Where your hotspots live: US-A (https://${US_A}) or US-B (https://${US_B}); SmartWiFi support can tell you which. Custom uses the Base URL below.`,
    },
  },
  {
    key: 'baseUrl',
    label: 'Base URL',
    kind: 'text',
    default: '',
    placeholder: `https://${US_A}`,
    help: 'Only with the Custom environment: the API address SmartWiFi gave you.',
    shownWhen: { environment: ['custom'] },
  },
  allowPlainHttpField('Base URL', 'token', { environment: ['custom'] }),
];
