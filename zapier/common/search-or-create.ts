import { type Bundle, type Search, type ZObject, defineSearch } from 'zapier-platform-core';
import { findExactly } from '../../shared/client/upsert';
import type { UpsertDeclaration } from '../../shared/core/upsert';
import { zapierErrors } from './errors';
import { declaredInput } from './input-data';
import { type InputField, inputFieldsFor } from './input-fields';
import { nounFromResource } from './labels';
import { sampleAndOutputFields } from './operations';
import { type AppPlan, type SearchOrCreatePlan, isUpsertPlan } from './plan';
import { type VendorBinding, runnerFor } from './runner';

/**
 * Find or Create from a shared Create or Update declaration (shared/core/upsert.ts): a search that
 * finds the one record with exactly this natural key, and the search-or-create that pairs it with
 * the declaration's create and, when found, its update. Zapier runs the steps; the exact match and
 * the refusal of several matches are the shared client's, as in n8n's Create or Update.
 */
export function exactSearchFor<C>(
  binding: VendorBinding<C>,
  upsert: UpsertDeclaration,
  plan: SearchOrCreatePlan,
  fieldDefaults: Record<string, Partial<InputField>> = {},
): Search {
  const { naturalKey, find } = upsert.upsert;
  return defineSearch({
    key: plan.search.key,
    noun: nounFromResource(upsert.resource),
    display: { label: plan.search.label, description: plan.search.description },
    operation: {
      // A natural key is one line (an email), whatever its length limit makes of it elsewhere.
      inputFields: inputFieldsFor(upsert, {
        only: [naturalKey],
        overrides: { [naturalKey]: { ...fieldDefaults[naturalKey], type: 'string', helpText: plan.search.keyHelp } },
      }),
      perform: (z: ZObject, bundle: Bundle) =>
        zapierErrors(z, async () => {
          const input = declaredInput(upsert, bundle.inputData ?? {}, [naturalKey]);
          return await findExactly(runnerFor(binding, z, bundle), upsert, String(input[naturalKey] ?? ''));
        }),
      ...sampleAndOutputFields(find),
    },
  });
}

/**
 * The app's `searchOrCreates`, each keyed like its search as Zapier requires; `addSearch` adds the
 * exact search of each one built from a Create or Update declaration.
 */
export function searchOrCreatesOf(plan: AppPlan, addSearch: (soc: SearchOrCreatePlan) => void): Record<string, SearchOrCreate> {
  const entries: Array<[string, SearchOrCreate]> = [];
  const searchKeys = new Set(Object.values(plan.searches).map((search) => search.key));
  for (const soc of plan.searchOrCreates ?? []) {
    if (isUpsertPlan(soc)) {
      const { create, update } = soc.upsert.upsert;
      for (const key of [create.key, update.key]) requireCreate(plan, key, soc.label);
      addSearch(soc);
      entries.push([soc.search.key, searchOrCreateFor(soc.upsert, soc)]);
      continue;
    }
    if (!searchKeys.has(soc.searchKey)) throw new Error(`${plan.app}: ${soc.label} needs the search ${soc.searchKey}`);
    requireCreate(plan, soc.create, soc.label);
    entries.push([soc.searchKey, { key: soc.searchKey, display: { label: soc.label, description: soc.description }, search: soc.searchKey, create: soc.create }]);
  }
  return Object.fromEntries(entries);
}

function requireCreate(plan: AppPlan, key: string, label: string): void {
  if (!plan.creates[key]) throw new Error(`${plan.app}: ${label} needs the create ${key}`);
}

interface SearchOrCreate {
  key: string;
  display: { label: string; description: string };
  search: string;
  create: string;
  update?: string;
  updateInputFromSearchOutput?: Record<string, string>;
  searchUniqueInputToOutputConstraint?: Record<string, string>;
}

function searchOrCreateFor(upsert: UpsertDeclaration, plan: SearchOrCreatePlan): SearchOrCreate {
  const { create, update, naturalKey, targetFields } = upsert.upsert;
  return {
    key: plan.search.key,
    display: { label: plan.label, description: plan.description },
    search: plan.search.key,
    create: create.key,
    update: update.key,
    updateInputFromSearchOutput: targetFields,
    searchUniqueInputToOutputConstraint: { [naturalKey]: naturalKey },
  };
}
