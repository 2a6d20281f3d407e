import { type ClientOptions, createVendorClient } from '../client';
import { nectifiOperations } from './operations';
import { type NectifiCredentials, nectifiProfile } from './profile';

export { nectifiOperations } from './operations';
export * from './profile';

export function createNectifiClient(credentials: NectifiCredentials, options?: ClientOptions) {
  return createVendorClient(nectifiProfile, nectifiOperations, credentials, options);
}
export * from './webhook';
