/**
 * Which Zapier app and trigger/create/search key expose each declared operation, keyed by
 * operation id (`vendor.key`), valued `<app>/<kind>:<key>`. Filled by the Zapier apps.
 */
import { anykrowdPlan } from './anykrowd/plan';
import { coverageOf } from './common/plan';
import { nectifiPlan } from './nectifi/plan';
import { smartwifiPlan } from './smartwifi/plan';
import { splashPlan } from './splash/plan';

export const zapierCoverage: Record<string, string> = {
  ...coverageOf(nectifiPlan),
  ...coverageOf(splashPlan),
  ...coverageOf(smartwifiPlan),
  ...coverageOf(anykrowdPlan),
};
