import { byNumericId } from '../common/polling';
import { pollingTrigger } from '../common/polling-trigger';
import { splashBinding } from './connection';
import { newestPageItems } from '../common/newest-pages';
import { splashPlan } from './plan';

const { listCustomers, listCustomerVisits } = splashPlan.operations;

export const newCustomer = pollingTrigger({
  binding: splashBinding,
  op: listCustomers,
  key: 'newCustomer',
  noun: 'Customer',
  label: 'New Customer',
  description: 'Triggers when a new customer signs in to your Splash Air WiFi for the first time.',
  fetch: (runner, input, limit) => newestPageItems(runner, listCustomers, input, limit),
  ordering: byNumericId,
});

export const newVisit = pollingTrigger({
  binding: splashBinding,
  op: listCustomerVisits,
  key: 'newVisit',
  noun: 'Visit',
  label: 'New Customer Visit',
  description: 'Triggers when a customer connects to the WiFi at one of your venues.',
  fetch: (runner, input, limit) => newestPageItems(runner, listCustomerVisits, input, limit),
  ordering: byNumericId,
});
