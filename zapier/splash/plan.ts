import { splashOperations } from '../../shared/splash/operations';
import { type AppPlan, lifecycleTriggerPlan } from '../common/plan';

export const splashPlan: AppPlan = {
  app: 'splash',
  operations: splashOperations,
  authTest: 'listVenues',
  triggers: { newCustomer: 'listCustomers', newVisit: 'listCustomerVisits', ...lifecycleTriggerPlan('splash') },
  dropdowns: ['listVenues', 'listVouchers'],
  searches: {},
  creates: {
    createVoucher: {},
    deleteVoucher: {},
  },
};
