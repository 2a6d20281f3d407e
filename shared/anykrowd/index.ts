import { type ClientOptions, createVendorClient } from '../client';
import { anykrowdOperations } from './operations';
import { type AnykrowdCredentials, anykrowdProfile } from './profile';

export { anykrowdOperations } from './operations';
export * from './profile';

export function createAnykrowdClient(credentials: AnykrowdCredentials, options?: ClientOptions) {
  return createVendorClient(anykrowdProfile, anykrowdOperations, credentials, options);
}
