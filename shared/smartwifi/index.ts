import { type ClientOptions, createVendorClient } from '../client';
import { smartwifiOperations } from './operations';
import { type SmartWifiCredentials, smartwifiProfile } from './profile';

export { smartwifiOperations } from './operations';
export * from './profile';

export function createSmartWifiClient(credentials: SmartWifiCredentials, options?: ClientOptions) {
  return createVendorClient(smartwifiProfile, smartwifiOperations, credentials, options);
}
