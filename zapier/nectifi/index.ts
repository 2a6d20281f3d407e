import { buildApp } from '../common/app';
import { lifecycleTriggers } from '../common/lifecycle-triggers';
import { APP_VERSION } from '../common/version';
import { nectifiAuthFields, nectifiBinding, testNectifiConnection } from './connection';
import { newEvent } from './event-trigger';
import { nectifiPlan } from './plan';
import { newConnection, newGuest } from './triggers';

export default buildApp({
  plan: nectifiPlan,
  binding: nectifiBinding,
  version: APP_VERSION,
  authFields: nectifiAuthFields,
  testConnection: testNectifiConnection,
  triggers: { newGuest, newConnection, newEvent, ...lifecycleTriggers(nectifiBinding, 'nectifi') },
});
