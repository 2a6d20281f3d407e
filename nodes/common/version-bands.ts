import type { IDisplayOptions } from 'n8n-workflow';

/**
 * Light versioning of generated parameters (n8n's `'@version'` display conditions). An operation or
 * field declared with `n8nSince` appears from that node version on; a parameter whose choices grow
 * over versions (the operation list, an Additional Fields collection) becomes one parameter per
 * version band, each listing what exists in its band, so a workflow saved at an older version keeps
 * exactly the parameters it had.
 */
export interface VersionBand<T> {
  from: number;
  /** The next band's first version, if any. */
  until?: number;
  items: T[];
}

export function versionBands<T>(items: T[], since: (item: T) => number): VersionBand<T>[] {
  const starts = [...new Set(items.map(since))].sort((a, b) => a - b);
  return starts.map((from, i) => ({ from, until: starts[i + 1], items: items.filter((item) => since(item) <= from) }));
}

/** Adds to `displayOptions` the conditions of the versions [from, until); nothing for a band that is every version. */
export function inVersions(displayOptions: IDisplayOptions | undefined, from: number, until?: number): IDisplayOptions | undefined {
  if (from <= 1 && until === undefined) return displayOptions;
  const out: IDisplayOptions = { ...displayOptions };
  if (from > 1) out.show = { ...out.show, '@version': [{ _cnd: { gte: from } }] };
  if (until !== undefined) out.hide = { ...out.hide, '@version': [{ _cnd: { gte: until } }] };
  return out;
}
