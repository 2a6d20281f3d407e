import type { INodeProperties } from 'n8n-workflow';
import before from './fixtures/credential-properties-before-shared-fields.json';
import { PLAIN_HTTP_ANSWER, PLAIN_HTTP_DATA_URL } from '../../nodes/common/credential-test';
import { loadPackageCredentials } from './support/node-types';

// The credentials' properties now come from one declaration per vendor (shared/<vendor>/connection.ts).
// Saved credentials keep working only if every property they hold keeps its name, type, default,
// secrecy and choices: compared with the properties as they were written by hand (main's build,
// before the shared declaration).
const saved = (property: INodeProperties) => ({
  name: property.name,
  type: property.type,
  default: property.default,
  password: property.typeOptions?.password === true,
  choices: property.options?.map((option) => ('value' in option ? option.value : undefined)),
  shownWhen: property.displayOptions,
});

test.each(Object.entries(before as Record<string, INodeProperties[]>))('%s: every property saved credentials hold is unchanged', (type, properties) => {
  const now = loadPackageCredentials()[type].properties;
  expect(now.filter((property) => property.type !== 'notice').map(saved)).toEqual(properties.map(saved));
});

test('the data: URL that answers a refused plain-http test carries the answer the rule recognises', () => {
  expect(Buffer.from(PLAIN_HTTP_DATA_URL.split(',')[1], 'base64').toString('utf8')).toBe(PLAIN_HTTP_ANSWER);
});
