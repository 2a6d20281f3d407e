/**
 * A table of `seededCount` records generated on demand from their id (1-based), plus records added at
 * run time. Changed seeded records are kept as overrides. `version` changes on every write so that
 * cached filters can be invalidated.
 */
export class SeededTable<T> {
  version = 0;
  private readonly overrides = new Map<number, T>();
  private readonly added: T[] = [];
  private readonly cache = new Map<string, { version: number; value: unknown }>();

  constructor(
    readonly seededCount: number,
    private readonly gen: (id: number) => T,
  ) {}

  get size(): number {
    return this.seededCount + this.added.length;
  }

  /** Ids run 1..size without gaps. */
  get maxId(): number {
    return this.size;
  }

  has(id: number): boolean {
    return Number.isInteger(id) && id >= 1 && id <= this.size;
  }

  get(id: number): T | undefined {
    if (!this.has(id)) return undefined;
    if (id > this.seededCount) return this.added[id - this.seededCount - 1];
    return this.overrides.get(id) ?? this.gen(id);
  }

  /** Stores a changed record. */
  put(id: number, record: T): void {
    if (!this.has(id)) throw new Error(`no record ${id}`);
    if (id > this.seededCount) this.added[id - this.seededCount - 1] = record;
    else this.overrides.set(id, record);
    this.version++;
  }

  add(make: (id: number) => T): T {
    const record = make(this.size + 1);
    this.added.push(record);
    this.version++;
    return record;
  }

  /** `compute()`'s result, cached under `key` until the next write. */
  memoize<R>(key: string, compute: () => R): R {
    const hit = this.cache.get(key);
    if (hit && hit.version === this.version) return hit.value as R;
    const value = compute();
    if (this.cache.size > 64) this.cache.clear();
    this.cache.set(key, { version: this.version, value });
    return value;
  }

  /** Ids (ascending) of the records matching `pred`, cached under `key` until the next write. */
  filterIds(key: string, pred: (record: T, id: number) => boolean): number[] {
    return this.memoize(`ids:${key}`, () => {
      const ids: number[] = [];
      for (let id = 1; id <= this.size; id++) if (pred(this.get(id) as T, id)) ids.push(id);
      return ids;
    });
  }
}
