import type * as z from '../core/zod';
import type { FieldDeclaration, OperationDeclaration } from '../core/operation';
import { type IterateOptions, paginate } from './paginate';
import { type CallOptions, type ClientOptions, OperationRunner } from './runner';
import type { VendorProfile } from './vendor-profile';

type Declared = OperationDeclaration & { fields: Record<string, FieldDeclaration> };

export type InputOf<Op extends Declared> = z.input<z.ZodMiniObject<{ [K in keyof Op['fields']]: Op['fields'][K]['schema'] }>>;
export type ItemOf<Op extends Declared> = z.output<Op['output']>;
export type OutputOf<Op extends Declared> = Op['returns'] extends 'list' ? ItemOf<Op>[] : ItemOf<Op>;

type ListKeys<Ops extends Record<string, Declared>> = {
  [K in keyof Ops]: Ops[K]['returns'] extends 'list' ? K : never;
}[keyof Ops];

export type VendorClient<Ops extends Record<string, Declared>> = {
  [K in keyof Ops]: (input: InputOf<Ops[K]>, options?: CallOptions) => Promise<OutputOf<Ops[K]>>;
} & {
  /** Every item of a list operation, one page in memory at a time. */
  iterate: {
    [K in ListKeys<Ops>]: (input: InputOf<Ops[K]>, options?: IterateOptions) => AsyncGenerator<ItemOf<Ops[K]>>;
  };
  runner: OperationRunner;
};

/** A typed client whose methods are the vendor's declared operations. */
export function createVendorClient<Credentials, Ops extends Record<string, Declared>>(
  profile: VendorProfile<Credentials>,
  operations: Ops,
  credentials: Credentials,
  options: ClientOptions = {},
): VendorClient<Ops> {
  const runner = new OperationRunner(profile as VendorProfile<unknown>, profile.connect(credentials), options);
  const client: Record<string, unknown> = { runner };
  const iterate: Record<string, unknown> = {};
  for (const [key, op] of Object.entries(operations)) {
    client[key] = (input: unknown, callOptions?: CallOptions) => runner.call(op, input, callOptions);
    if (op.returns === 'list') iterate[key] = (input: unknown, it?: IterateOptions) => paginate(runner, op, input, it);
  }
  client.iterate = iterate;
  return client as VendorClient<Ops>;
}
