import { type ClientOptions, createVendorClient } from '../client';
import { runUpsert } from '../client/upsert';
import { nectifiOperations, nectifiUpserts } from './operations';
import { type NectifiCredentials, nectifiProfile } from './profile';

export { nectifiOperations } from './operations';
export * from './profile';

export function createNectifiClient(credentials: NectifiCredentials, options?: ClientOptions) {
  const client = createVendorClient(nectifiProfile, nectifiOperations, credentials, options);
  /** Updates the guest with exactly this email, or creates one; says which (shared/core/upsert.ts). */
  const createOrUpdateGuest = (input: Record<string, unknown>) => runUpsert(client.runner, nectifiUpserts.createOrUpdateGuest, input);
  return Object.assign(client, { createOrUpdateGuest });
}
export * from './webhook';
