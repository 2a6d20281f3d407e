import type { OperationDeclaration } from '../../shared/core/operation';
import type { UpsertDeclaration } from '../../shared/core/upsert';
import type { Vendor } from '../../shared/core/operation';
import { BIRTHDAY_EVENT, BIRTHDAY_SOURCES } from '../../shared/lifecycle/birthday';
import { lifecycleEventsFor } from '../../shared/lifecycle/events';
import type { InputField } from './input-fields';

/**
 * Which Zapier trigger, search or create exposes each declared operation. Plain data (no
 * zapier-platform-core at run time), so the catalog can read coverage without loading the apps.
 */
export interface AppPlan {
  /** Directory under `zapier/` and the app's name in coverage strings. */
  app: string;
  operations: Record<string, OperationDeclaration>;
  /** The operation `authentication.test` calls. */
  authTest: string;
  /** Visible triggers, written by hand: trigger key → the operation it polls (null for a webhook). */
  triggers: Record<string, string | null>;
  /**
   * For the trigger catalog: the n8n event a visible trigger of another key matches, as
   * `<n8n node name>/<event value>` (`*`: every event of that node) → the trigger key. A trigger
   * whose key is the n8n event value needs no entry.
   */
  n8nEvents?: Record<string, string>;
  /** For the trigger catalog: n8n events this app has no trigger for, and why. */
  notOnZapier?: Record<string, string>;
  /** Operations listed by hidden triggers that feed dropdowns; the trigger key is the operation key. */
  dropdowns: string[];
  /** For dropdown items without a readable name: operation key → the `label` each item gets. */
  dropdownLabels?: Record<string, (item: Record<string, unknown>) => string>;
  /**
   * Zapier-only changes to a field wherever a search or create has it, e.g. a guest dropdown on
   * every `guest_id`. Per-step overrides win.
   */
  fieldDefaults?: Record<string, Partial<InputField>>;
  /** Operation key → the search that exposes it. */
  searches: Record<string, SearchPlan>;
  /** Operation key → the create that exposes it; the create key is the operation key. */
  creates: Record<string, CreatePlan>;
  /**
   * Find or Create: from a Create or Update declaration (an exact search, its create, and its update
   * when found; the create and update must be creates of the plan), or pairing a search of the plan
   * with a create that is itself a create-or-update (anykrowd's Sync Users).
   */
  searchOrCreates?: Array<SearchOrCreatePlan | SearchOrSyncPlan>;
  /**
   * The vendor's documented request limit as Zapier's app-wide `throttle`: a burst of Zap runs on one
   * connection (`scope: ['auth']`, shared by every action) queues in Zapier instead of failing.
   */
  throttle?: { window: number; limit: number; scope: Array<'auth' | 'user' | 'account' | 'action'> };
}

export interface SearchPlan {
  key: string;
  /** "Find ...", Title Case. */
  label: string;
  /** "Finds ...", ending with a period. */
  description: string;
  noun?: string;
  /** Declared-optional fields this search needs, e.g. the search term of Find Guest. */
  required?: string[];
  overrides?: Record<string, Partial<InputField>>;
  /** Zapier-only fields shown first, e.g. the External ID that fills a wallet dropdown; never sent. */
  extraFields?: InputField[];
}

export interface SearchOrCreatePlan {
  upsert: UpsertDeclaration;
  /** The exact search by the natural key that powers it; its key is also the search-or-create's. */
  search: { key: string; label: string; description: string; keyHelp: string };
  /** "Find or Create ...". */
  label: string;
  description: string;
}

export interface SearchOrSyncPlan {
  /** The key of a search of the plan (`searches[*].key`), also the search-or-create's key. */
  searchKey: string;
  /** An operation key of `creates` that creates or updates by the search's key. */
  create: string;
  label: string;
  description: string;
}

export function isUpsertPlan(plan: SearchOrCreatePlan | SearchOrSyncPlan): plan is SearchOrCreatePlan {
  return 'upsert' in plan;
}

export interface CreatePlan {
  label?: string;
  description?: string;
  noun?: string;
  overrides?: Record<string, Partial<InputField>>;
  /** Zapier-only fields shown first, e.g. the External ID that fills a wallet dropdown; never sent. */
  extraFields?: InputField[];
  /** Input fields written for Zapier instead of the declared ones, with `inputFrom` to map them back. */
  inputFields?: InputField[];
  inputFrom?: (inputData: Record<string, unknown>) => Record<string, unknown>;
}

/** `operation id → <app>/<kind>:<key>`, the most visible exposure first. */
export function coverageOf(plan: AppPlan): Record<string, string> {
  const coverage: Record<string, string> = {};
  const add = (opKey: string, where: string) => {
    const op = plan.operations[opKey];
    if (!op) throw new Error(`${plan.app}: the plan names ${opKey}, which is not declared`);
    coverage[op.id] ??= `${plan.app}/${where}`;
  };
  for (const [triggerKey, opKey] of Object.entries(plan.triggers)) if (opKey) add(opKey, `trigger:${triggerKey}`);
  for (const [opKey, search] of Object.entries(plan.searches)) add(opKey, `search:${search.key}`);
  for (const opKey of Object.keys(plan.creates)) add(opKey, `create:${opKey}`);
  for (const opKey of plan.dropdowns) add(opKey, `trigger:${opKey}`);
  add(plan.authTest, 'authentication:test');
  return coverage;
}

/** The lifecycle triggers of a vendor's app (`shared/lifecycle`), as plan entries: key → the operation they read. */
export function lifecycleTriggerPlan(vendor: Vendor): Record<string, string> {
  const birthdays = BIRTHDAY_SOURCES[vendor];
  return {
    ...Object.fromEntries(lifecycleEventsFor(vendor).map(({ spec, source }) => [spec.kind, source.op.key])),
    ...(birthdays ? { [BIRTHDAY_EVENT.kind]: birthdays.op.key } : {}),
  };
}
