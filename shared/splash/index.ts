import { type ClientOptions, createVendorClient } from '../client';
import { splashOperations } from './operations';
import { type SplashCredentials, splashProfile } from './profile';

export { splashOperations } from './operations';
export * from './profile';

export function createSplashClient(credentials: SplashCredentials, options?: ClientOptions) {
  return createVendorClient(splashProfile, splashOperations, credentials, options);
}
