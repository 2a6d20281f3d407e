import { type Bundle, type Trigger, type ZObject, defineTrigger } from 'zapier-platform-core';
import type { OperationRunner } from '../../shared/client/runner';
import type { OperationDeclaration } from '../../shared/core/operation';
import { zapierErrors } from './errors';
import { declaredInput } from './input-data';
import type { InputField } from './input-fields';
import { type Item, sampleAndOutputFields } from './operations';
import type { OutputField } from './output-fields';
import { type Ordering, SAMPLE_SIZE, asTriggerResults, forBundle, newestFirst } from './polling';
import { type VendorBinding, runnerFor } from './runner';

export interface PollingTriggerSpec<C> {
  binding: VendorBinding<C>;
  op: OperationDeclaration;
  key: string;
  noun: string;
  label: string;
  /** "Triggers when ...", ending with a period. */
  description: string;
  inputFields?: InputField[];
  /** Fetches recent items, newest or oldest first; `limit` is a hint (small when loading samples). */
  fetch(runner: OperationRunner, input: Record<string, unknown>, limit: number, bundle: Bundle): Promise<Item[]>;
  ordering: Ordering;
  /** Extra output fields, such as a composite `id`. */
  outputFields?: OutputField[];
  sample?: Item;
}

/** How many recent items a poll asks for: Zapier keeps the ones it has not seen yet. */
export const POLL_SIZE = 100;
/** At most this many (the newest) go back to Zapier, whatever an unpaged vendor list returns. */
export const MAX_RESULTS = 500;

export function pollingTrigger<C>(spec: PollingTriggerSpec<C>): Trigger {
  const only = spec.inputFields?.map((field) => field.key) ?? [];
  return defineTrigger({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      type: 'polling',
      inputFields: spec.inputFields ?? [],
      perform: (z: ZObject, bundle: Bundle) =>
        zapierErrors(z, async () => {
          const runner = runnerFor(spec.binding, z, bundle);
          const input = declaredInput(spec.op, bundle.inputData ?? {}, only);
          const limit = bundle.meta?.isLoadingSample ? SAMPLE_SIZE : POLL_SIZE;
          const items = await spec.fetch(runner, input, limit, bundle);
          return asTriggerResults(forBundle(bundle, newestFirst(items, spec.ordering).slice(0, MAX_RESULTS)));
        }),
      ...sampleAndOutputFields(spec.op, spec.sample, spec.outputFields),
    },
  });
}
