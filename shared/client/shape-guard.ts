import type * as z from '../core/zod';

/*
 * Checking every item of a 200-item page with zod costs more than parsing the page's JSON. Most
 * output schemas only look at JSON types (string, number or integer, boolean, null, arrays, loose
 * objects) and give back what they were given. For those, a plain predicate compiled once from the
 * schema answers "does it pass?" at a fraction of the cost; zod still runs when it says no, to name
 * the drifted fields. Schemas that transform (money normalised to "10.50") or refine get no guard.
 */

type Guard = (value: unknown) => boolean;

interface ZodNode {
  _zod: { def: { type: string; checks?: Array<{ _zod: { def: { check: string; format?: string } } }> } & Record<string, unknown> };
}

const guards = new WeakMap<object, Guard | null>();

/** A predicate equivalent to `schema.safeParse(value).success`, or `undefined` when the schema changes what it parses. */
export function shapeGuardFor(schema: z.ZodMiniType): Guard | undefined {
  let guard = guards.get(schema);
  if (guard === undefined) {
    guard = compile(schema as unknown as ZodNode) ?? null;
    guards.set(schema, guard);
  }
  return guard ?? undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function compile(node: ZodNode): Guard | undefined {
  const def = node._zod.def;
  const integer = integerOnly(def.checks ?? []);
  if (integer === undefined) return undefined;
  const child = (key: string) => compile(def[key] as ZodNode);
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return integer ? (value) => Number.isSafeInteger(value) : (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'null':
      return (value) => value === null;
    case 'unknown':
    case 'any':
      return () => true;
    case 'optional': {
      const inner = child('innerType');
      return inner && ((value) => value === undefined || inner(value));
    }
    case 'nullable': {
      const inner = child('innerType');
      return inner && ((value) => value === null || inner(value));
    }
    case 'array': {
      const element = child('element');
      return element && ((value) => Array.isArray(value) && value.every(element));
    }
    case 'union':
      return union((def.options as ZodNode[]).map(compile));
    case 'record': {
      const key = child('keyType');
      const item = child('valueType');
      return key && item && ((value) => isRecord(value) && Object.keys(value).every((k) => key(k) && item(value[k])));
    }
    case 'object':
      return object(def.shape as Record<string, ZodNode>, def.catchall as ZodNode | undefined);
    default:
      return undefined;
  }
}

/** `true` for `.int()`, `false` for no checks, `undefined` for any other check (min, regex, refine...). */
function integerOnly(checks: NonNullable<ZodNode['_zod']['def']['checks']>): boolean | undefined {
  if (checks.length === 0) return false;
  const safeint = checks.every((c) => c._zod.def.check === 'number_format' && c._zod.def.format === 'safeint');
  return safeint ? true : undefined;
}

function union(options: Array<Guard | undefined>): Guard | undefined {
  if (options.some((option) => option === undefined)) return undefined;
  const guards = options as Guard[];
  return (value) => guards.some((guard) => guard(value));
}

/** Loose objects only: a stripping or strict object gives back less than it was given, or refuses extra keys. */
function object(shape: Record<string, ZodNode>, catchall: ZodNode | undefined): Guard | undefined {
  const catchallType = catchall?._zod.def.type;
  if (catchallType !== 'unknown' && catchallType !== 'any') return undefined;
  const keys = Object.keys(shape);
  const guards = keys.map((key) => compile(shape[key]));
  if (guards.some((guard) => guard === undefined)) return undefined;
  const checks = guards as Guard[];
  // An indexed loop over two arrays: this runs for every field of every item of every page.
  return (value) => {
    if (!isRecord(value)) return false;
    for (let i = 0; i < keys.length; i++) if (!checks[i](value[keys[i]])) return false;
    return true;
  };
}
