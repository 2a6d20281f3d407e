import { buildApp } from '../common/app';
import { APP_VERSION } from '../common/version';
import { anykrowdAuthFields, anykrowdBinding, testAnykrowdConnection } from './connection';
import { anykrowdPlan } from './plan';
import { newWalletTransaction } from './triggers';

export default buildApp({
  plan: anykrowdPlan,
  binding: anykrowdBinding,
  version: APP_VERSION,
  authFields: anykrowdAuthFields,
  testConnection: testAnykrowdConnection,
  triggers: { newWalletTransaction },
});
