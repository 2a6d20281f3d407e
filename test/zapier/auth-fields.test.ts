import type { AuthField } from 'zapier-platform-core';
import { anykrowdAuthFields } from '../../zapier/anykrowd/connection';
import { nectifiAuthFields } from '../../zapier/nectifi/connection';
import { smartwifiAuthFields } from '../../zapier/smartwifi/connection';
import { splashAuthFields } from '../../zapier/splash/connection';
import before from './fixtures/auth-fields-before-shared-fields.json';

// The Zapier auth fields now come from the same declaration as the n8n credentials
// (shared/<vendor>/connection.ts). Connected accounts keep working only if every field keeps its
// key, type, requiredness, default and choices: compared with the fields as they were written by hand.
const kept = (field: AuthField) => ({ key: field.key, type: field.type, required: field.required, default: field.default, choices: field.choices });
const now: Record<string, AuthField[]> = { nectifi: nectifiAuthFields, splash: splashAuthFields, smartwifi: smartwifiAuthFields, anykrowd: anykrowdAuthFields };

test.each(Object.entries(before as unknown as Record<string, AuthField[]>))('%s: every field a connected account holds is unchanged', (app, fields) => {
  expect(now[app].map(kept)).toEqual(fields.map(kept));
});

test('an n8n-only field stays off Zapier: Processes Sharing This Key', () => {
  expect(nectifiAuthFields.map((field) => field.key)).not.toContain('sharingProcesses');
});
