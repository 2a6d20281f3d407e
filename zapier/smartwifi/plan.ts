import { smartwifiOperations } from '../../shared/smartwifi/operations';
import { type AppPlan, lifecycleTriggerPlan } from '../common/plan';

export const smartwifiPlan: AppPlan = {
  app: 'smartwifi',
  operations: smartwifiOperations,
  authTest: 'ping',
  triggers: { newGuest: 'listGuests', newConnection: 'listConnections', newGuestPlan: 'listGuestPlans', ...lifecycleTriggerPlan('smartwifi') },
  dropdowns: ['listHotspots'],
  searches: {
    getGuest: {
      key: 'findGuest',
      label: 'Find Guest',
      description: 'Finds a WiFi guest\'s profile by guest token, with the hotspot of their last connection.',
    },
  },
  creates: {},
};
