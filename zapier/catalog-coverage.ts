/**
 * Which Zapier app and trigger/create/search key expose each declared operation, keyed by
 * operation id (`vendor.key`), valued `<app>/<kind>:<key>`. Filled by the Zapier apps.
 */
import { coverageOf } from './common/plan';
import { nectifiPlan } from './nectifi/plan';

export const zapierCoverage: Record<string, string> = {
  ...coverageOf(nectifiPlan),
};
