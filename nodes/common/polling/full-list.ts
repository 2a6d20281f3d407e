import type { IDataObject } from 'n8n-workflow';
import type { OperationRunner } from '../../../shared/client/runner';
import type { OperationDeclaration } from '../../../shared/core/operation';

/** Identities remembered when the list has no usable ids: enough to find our place again. */
const REMEMBERED = 500;

export interface FullListState {
  /** Highest numeric id seen, when the vendor sends ids. */
  maxId?: number;
  /** Without ids: the identities at the top of the list last time, newest first. */
  recent?: string[];
}

export interface FullListPoll {
  items: IDataObject[];
  state: FullListState;
}

const numericId = (item: IDataObject) => {
  const id = item.id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  if (typeof id === 'string' && /^\d+$/.test(id.trim())) return Number(id);
  return undefined;
};

/**
 * New items of an unpaged list returned whole (SmartWiFi guests). With numeric ids the cursor is
 * the highest id, whatever the order. Without ids (the doc's example leaves them blank) a guest is
 * known by `identity` (its MAC address) and the list is read newest first: new guests are those
 * above the first remembered one. If none of the remembered guests is left, the poll starts over
 * from the current top rather than emitting the whole list.
 */
export async function pollFullList(
  runner: OperationRunner,
  op: OperationDeclaration,
  input: Record<string, unknown>,
  identity: (item: IDataObject) => string,
  previous: FullListState | undefined,
): Promise<FullListPoll> {
  const list = (await runner.call(op, input)) as IDataObject[];
  // An empty list says nothing about where we are: keep the state. A first poll that finds the
  // account empty remembers an empty list, so that its first guests are all new (before, they were
  // taken for the starting point and lost; an empty answer also dropped the cursor: property tests).
  if (list.length === 0) return { items: [], state: previous ?? { recent: [] } };
  const ids = list.map(numericId);
  if (ids.every((id) => id !== undefined)) {
    // A loop, not Math.max(...ids): a spread of a very long list overflows the call stack.
    const maxId = (ids as number[]).reduce((max, id) => Math.max(max, id), previous?.maxId ?? 0);
    const since = previous?.maxId ?? (previous?.recent?.length === 0 ? 0 : undefined);
    if (since === undefined) return { items: [], state: { maxId } };
    const fresh = list.filter((_, i) => (ids[i] as number) > since);
    return { items: fresh.sort((a, b) => (numericId(a) as number) - (numericId(b) as number)), state: { maxId } };
  }
  const identities = list.map(identity);
  const top = identities.slice(0, REMEMBERED);
  if (!previous?.recent) return { items: [], state: { recent: top } };
  if (previous.recent.length === 0) return { items: [...list].reverse(), state: { recent: top } };
  const known = new Set(previous.recent);
  const firstKnown = identities.findIndex((id) => known.has(id));
  if (firstKnown < 0) return { items: [], state: { recent: top } };
  const fresh = list.slice(0, firstKnown).filter((item) => !known.has(identity(item)));
  return { items: fresh.reverse(), state: { recent: top } };
}
