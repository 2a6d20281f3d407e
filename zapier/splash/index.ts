import { buildApp } from '../common/app';
import { lifecycleTriggers } from '../common/lifecycle-triggers';
import { APP_VERSION } from '../common/version';
import { splashAuthFields, splashBinding, testSplashConnection } from './connection';
import { splashPlan } from './plan';
import { newCustomer, newVisit } from './triggers';

export default buildApp({
  plan: splashPlan,
  binding: splashBinding,
  version: APP_VERSION,
  authFields: splashAuthFields,
  testConnection: testSplashConnection,
  triggers: { newCustomer, newVisit, ...lifecycleTriggers(splashBinding, 'splash') },
});
