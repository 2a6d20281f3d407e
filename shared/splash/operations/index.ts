import { listCustomerVisits, listCustomers } from './customers';
import { listVenues } from './venues';
import { createVoucher, deleteVoucher, listVouchers } from './vouchers';

/** Splash Air operations, keyed by operation key. Paths are relative to `https://<host>/api`. */
export const splashOperations = {
  listCustomers,
  listCustomerVisits,
  listVenues,
  listVouchers,
  createVoucher,
  deleteVoucher,
} as const;
