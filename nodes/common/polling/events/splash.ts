import type { IDataObject } from 'n8n-workflow';
import type { OperationDeclaration } from '../../../../shared/core/operation';
import { listCustomerVisits, listCustomers } from '../../../../shared/splash/operations/customers';
import { lifecyclePollEvents } from './lifecycle';
import { MANUAL_SAMPLE_SIZE, type PollEvent, lookBackMs, lookBackOption, optionsCollection } from '../poll-event';
import { type WindowSource, type WindowState, pollTimeWindow, recentInWindow } from '../time-window';
import { parseVendorTime, spacedUtc } from '../vendor-time';

const WEEK_MS = 7 * 86_400_000;

/** Splash lists filter on `created_at` with an inclusive `start_date` (vendor-decisions). */
const createdSince = (op: OperationDeclaration): WindowSource => ({
  op,
  inputs: (startMs) => [{ start_date: spacedUtc(Math.max(0, startMs)) }],
  key: (item: IDataObject) => String(item.id),
  time: (item: IDataObject) => parseVendorTime(item.created_at),
});

function splashEvent(value: string, name: string, description: string, op: OperationDeclaration, what: string): PollEvent {
  const source = createdSince(op);
  return {
    value,
    name,
    description,
    properties: [optionsCollection(value, [lookBackOption(10, what)])],
    async poll(ctx, runner, previous, nowMs = Date.now()) {
      return await pollTimeWindow(runner, source, previous as WindowState | undefined, lookBackMs(ctx), nowMs);
    },
    recent: async (_ctx, runner, nowMs = Date.now()) => await recentInWindow(runner, source, WEEK_MS, MANUAL_SAMPLE_SIZE, nowMs),
  };
}

export const SPLASH_POLL_EVENTS: PollEvent[] = [
  splashEvent('newCustomer', 'New Customer', 'A customer signed in to your WiFi for the first time', listCustomers, 'customers'),
  splashEvent('newVisit', 'New Customer Visit', 'A customer visited one of your venues', listCustomerVisits, 'visits'),
  ...lifecyclePollEvents('splash'),
];
