import * as z from '../shared/core/zod';
import { InputValidationError } from '../shared/core/errors';
import { defineOperation } from '../shared/core/operation';
import { defineUpsert } from '../shared/core/upsert';
import { validateInput } from '../shared/client/validate-input';

/** Whether `key` of `target` is still a getter, i.e. the value was not built yet. */
const unbuilt = (target: object, key: string) => typeof Object.getOwnPropertyDescriptor(target, key)?.get === 'function';

function declare() {
  const idSchema = jest.fn(() => z.number().check(z.int(), z.positive()));
  const nameSchema = jest.fn(() => z.optional(z.string().check(z.minLength(1, 'must not be empty'))));
  const output = jest.fn(() => z.looseObject({ id: z.number() }));
  const op = defineOperation({
    vendor: 'nectifi',
    key: 'lazyProbe',
    resource: 'probe',
    label: 'Lazy Probe',
    description: 'A declaration for this test.',
    method: 'POST',
    path: '/probes/{id}',
    fields: {
      id: { in: 'path', schema: idSchema, label: 'ID', help: 'The probe, e.g. 1.' },
      name: { in: 'json', schema: nameSchema, label: 'Name', help: 'A name, e.g. Alex.' },
    },
    returns: 'object',
    output,
    sample: { id: 1 },
    paging: { style: 'none' },
    safety: 'idempotent',
  });
  return { op, spies: { idSchema, nameSchema, output } };
}

describe('declaration schemas are built on first use, once', () => {
  it('builds nothing when a declaration is defined', () => {
    const { op, spies } = declare();
    for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
    expect(unbuilt(op, 'input')).toBe(true);
    expect(unbuilt(op, 'output')).toBe(true);
    expect(unbuilt(op.fields.id, 'schema')).toBe(true);
    // What adapters read without schemas stays plain data.
    expect(Object.keys(op.fields)).toEqual(['id', 'name']);
    expect(op.fields.name.in).toBe('json');
    expect(op.id).toBe('nectifi.lazyProbe');
  });

  it('builds each schema once however often, and in whatever order, it is read', () => {
    const { op, spies } = declare();
    const first = op.input;
    expect(op.input).toBe(first);
    expect(op.fields.id.schema).toBe(first.shape.id);
    expect(op.fields.name.schema).toBe(first.shape.name);
    expect(op.output).toBe(op.output);
    for (let i = 0; i < 3; i++) validateInput(op, { id: i + 1 });
    for (const spy of Object.values(spies)) expect(spy).toHaveBeenCalledTimes(1);
    // Built values are plain properties from then on: spreads and entries see them as before.
    expect(unbuilt(op, 'input')).toBe(false);
    expect({ ...op.fields.id }.schema).toBe(first.shape.id);
  });

  it('gives the same validation errors as a schema built at once', () => {
    const { op } = declare();
    const eager = defineOperation({
      ...op,
      fields: {
        id: { ...op.fields.id, schema: z.number().check(z.int(), z.positive()) },
        name: { ...op.fields.name, schema: z.optional(z.string().check(z.minLength(1, 'must not be empty'))) },
      },
      output: z.looseObject({ id: z.number() }),
    });
    for (const input of [{}, { id: 0 }, { id: 1, name: '' }, { id: 1, extra: true }]) {
      const problems = (declaration: typeof op | typeof eager) => {
        try {
          validateInput(declaration, input);
          return '';
        } catch (error) {
          expect(error).toBeInstanceOf(InputValidationError);
          return (error as InputValidationError).message;
        }
      };
      expect(problems(op)).toEqual(problems(eager));
      expect(problems(op)).toMatch(/^Invalid input for nectifi.lazyProbe: '/);
    }
  });

  it('keeps an upsert lazy until it is used, sharing its fields\' schemas with the create and update', () => {
    const create = declare().op;
    const update = declare().op;
    const find = { ...declare().op, returns: 'list' as const };
    const upsert = defineUpsert({
      vendor: 'nectifi',
      key: 'lazyUpsert',
      resource: 'probe',
      label: 'Create or Update Probe',
      description: 'Updates the probe with this name, or creates one.',
      naturalKey: 'name',
      find,
      findInput: (name) => ({ name }),
      isMatch: (item, name) => item.name === name,
      maxCandidates: 10,
      create,
      update,
      targetFields: { id: 'id' },
      describe: (found) => `probe ${String(found.id)}`,
    });
    expect(unbuilt(upsert, 'input')).toBe(true);
    expect(unbuilt(upsert, 'output')).toBe(true);
    expect(unbuilt(upsert.fields.name, 'schema')).toBe(true);
    expect(unbuilt(create.fields.name, 'schema')).toBe(true);
    // The natural key is required in the upsert although optional in the create.
    expect(upsert.fields.name.schema.safeParse(undefined).success).toBe(false);
    expect(create.fields.name.schema.safeParse(undefined).success).toBe(true);
    expect(upsert.fields.id.schema).toBe(create.fields.id.schema);
    expect(upsert.output).toBe(create.output);
    expect(Object.keys(upsert.input.shape)).toEqual(['name', 'id']);
  });
});

describe('the vendor declarations', () => {
  it('build none of their schemas when loaded', () => {
    jest.isolateModules(() => {
      const { ALL_OPERATIONS } = require('../shared/catalog') as typeof import('../shared/catalog');
      expect(ALL_OPERATIONS).toHaveLength(54);
      const built = ALL_OPERATIONS.flatMap((op) => [
        ...(unbuilt(op, 'input') ? [] : [`${op.id} input`]),
        ...(unbuilt(op, 'output') ? [] : [`${op.id} output`]),
        ...Object.entries(op.fields).flatMap(([name, field]) => (unbuilt(field, 'schema') ? [] : [`${op.id}.${name}`])),
      ]);
      expect(built).toEqual([]);
    });
  });
});
