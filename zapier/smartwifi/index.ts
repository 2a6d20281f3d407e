import { buildApp } from '../common/app';
import { lifecycleTriggers } from '../common/lifecycle-triggers';
import { APP_VERSION } from '../common/version';
import { smartwifiAuthFields, smartwifiBinding, testSmartwifiConnection } from './connection';
import { smartwifiPlan } from './plan';
import { newConnection, newGuest, newGuestPlan } from './triggers';

export default buildApp({
  plan: smartwifiPlan,
  binding: smartwifiBinding,
  version: APP_VERSION,
  authFields: smartwifiAuthFields,
  testConnection: testSmartwifiConnection,
  triggers: { newGuest, newConnection, newGuestPlan, ...lifecycleTriggers(smartwifiBinding, 'smartwifi') },
});
