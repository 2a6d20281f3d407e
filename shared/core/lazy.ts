import type * as z from './zod';

/*
 * zod builds every schema as an object with methods and internals of its own, so building all 54
 * declarations' schemas when a module loads costs megabytes that a process using two operations
 * never needs. Declarations therefore give their schemas as functions, built on first use, once.
 */

/** A schema, or a function that builds it when it is first needed. */
export type SchemaSource<S extends z.ZodMiniType = z.ZodMiniType> = S | (() => S);

/** The schema a source stands for. */
export type Built<T> = T extends () => infer S ? S : T;

/** A function that builds the schema on its first call and returns that same schema ever after. */
export function lazySchema<S extends z.ZodMiniType>(build: () => S): () => S {
  let schema: S | undefined;
  return () => (schema ??= build());
}

export function buildSchema<S extends z.ZodMiniType>(source: SchemaSource<S>): S {
  return typeof source === 'function' ? source() : source;
}

/**
 * Defines `key` on `target` as a getter that builds the value on first read, once, and then
 * replaces itself with the value: later reads are plain property reads, and spreads and
 * `Object.entries` see the value as before. A copy of the getter (copyLazily) shares that value.
 */
export function defineLazy<T extends object, K extends PropertyKey, V>(target: T, key: K, build: () => V): T & Record<K, V> {
  let built: { value: V } | undefined;
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get(this: object) {
      built ??= { value: build() };
      Object.defineProperty(this, key, { value: built.value, enumerable: true, writable: true, configurable: true });
      return built.value;
    },
  });
  return target as T & Record<K, V>;
}

/** A shallow copy that keeps lazy properties lazy (a spread would build them), with some replaced. */
export function copyLazily<T extends object>(source: T, changes: Partial<T> = {}): T {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(source)) as T;
  for (const [key, value] of Object.entries(changes)) {
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
