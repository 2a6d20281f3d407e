import { ping } from './account';
import { listConnections } from './connections';
import { getGuest, listGuestPlans, listGuests } from './guests';
import { listHotspots } from './hotspots';

/**
 * SmartWiFi Platform v2 operations, keyed by operation key. Paths are relative to the environment's
 * host (`https://api.smartwifiplatform.com` for US-A, `https://api-usb.smartwifiplatform.com` for US-B).
 */
export const smartwifiOperations = {
  listGuestPlans,
  listHotspots,
  getGuest,
  listGuests,
  ping,
  listConnections,
} as const;
