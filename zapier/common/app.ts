import zapier, { type AuthField, type Bundle, type Trigger, type ZObject, defineApp } from 'zapier-platform-core';
import type { OperationRunner } from '../../shared/client/runner';
import { addCredentials } from './credentials-middleware';
import { zapierErrors } from './errors';
import { createFor, dropdownFor, dropdownValueField, searchFor } from './operations';
import type { AppPlan } from './plan';
import { exactSearchFor, searchOrCreatesOf } from './search-or-create';
import { type VendorBinding, runnerFor } from './runner';

export interface ConnectionTestResult {
  /** Names the account in Zapier's list of connections (team, client, tenant). */
  label: string;
  [key: string]: unknown;
}

export interface VendorAppSpec<Credentials> {
  plan: AppPlan;
  binding: VendorBinding<Credentials>;
  version: string;
  authFields: AuthField[];
  /** Calls the plan's test operation (and whatever names the account). */
  testConnection(runner: OperationRunner, bundle: Bundle): Promise<ConnectionTestResult>;
  /** The visible triggers of `plan.triggers`, written per vendor. */
  triggers: Record<string, Trigger>;
}

/** A Zapier app with one custom auth scheme, generated from a vendor's plan and declarations. */
export function buildApp<Credentials>(spec: VendorAppSpec<Credentials>) {
  const { plan, binding } = spec;
  assertTriggersMatchPlan(spec);
  const op = (key: string) => {
    const declared = plan.operations[key];
    if (!declared) throw new Error(`${plan.app}: no operation ${key}`);
    return declared;
  };
  const dropdowns = Object.fromEntries(
    plan.dropdowns.map((key) => [
      key,
      dropdownFor(binding, op(key), dropdownValueField(plan.operations, key), plan.dropdownLabels?.[key]),
    ]),
  );
  const searches = Object.fromEntries(
    Object.entries(plan.searches).map(([key, search]) => [search.key, searchFor(binding, op(key), search, plan.fieldDefaults)]),
  );
  const searchOrCreates = searchOrCreatesOf(plan, (soc) => {
    searches[soc.search.key] = exactSearchFor(binding, soc.upsert, soc, plan.fieldDefaults);
  });
  const creates = Object.fromEntries(
    Object.entries(plan.creates).map(([key, create]) => [key, createFor(binding, op(key), create, plan.fieldDefaults)]),
  );
  return defineApp({
    version: spec.version,
    platformVersion: zapier.version,
    authentication: {
      type: 'custom',
      fields: spec.authFields,
      test: (z: ZObject, bundle: Bundle) => zapierErrors(z, () => spec.testConnection(runnerFor(binding, z, bundle), bundle)),
      // Zapier passes the test's result as inputData.
      connectionLabel: async (_z: ZObject, bundle: Bundle) => String(bundle.inputData?.label ?? plan.app),
    },
    beforeRequest: [addCredentials(binding)],
    ...(plan.throttle ? { throttle: plan.throttle } : {}),
    // Every call goes through z.request, which logs itself. The patch of Node's `http` would log
    // nothing more, and it drops the callback of `http.request(url, options, callback)` calls.
    flags: { skipHttpPatch: true },
    triggers: { ...spec.triggers, ...dropdowns },
    searches,
    creates,
    ...(Object.keys(searchOrCreates).length > 0 ? { searchOrCreates } : {}),
  });
}

function assertTriggersMatchPlan(spec: VendorAppSpec<unknown>): void {
  const planned = Object.keys(spec.plan.triggers).sort().join(',');
  const written = Object.keys(spec.triggers).sort().join(',');
  if (planned !== written) throw new Error(`${spec.plan.app}: triggers ${written} do not match the plan's ${planned}`);
}
