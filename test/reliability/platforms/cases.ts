import type { INode } from 'n8n-workflow';
import { findOperation } from '../../../shared/catalog';
import type { OperationDeclaration } from '../../../shared/core/operation';
import type { Sandbox } from '../../sandbox';

export type Platform = 'n8n' | 'Zapier';

/** What a cell needs to call one operation: unique values (voucher codes) and the sandbox's demo ids. */
export interface CaseContext {
  sandbox: Sandbox;
  unique: string;
}

/**
 * One representative operation of a vendor, as a user calls it on each platform: the n8n action
 * node's parameters, and the Zapier step (trigger, search or create) with its input. `input` is the
 * same call in the shared layer's terms: it tells the sandbox's fault filter which path to hit.
 */
export interface PlatformCase {
  op: OperationDeclaration;
  input(ctx: CaseContext): Record<string, unknown>;
  n8n: { nodeType: string; resource: string; parameters(ctx: CaseContext): INode['parameters'] };
  zapier: { app: 'nectifi' | 'splash' | 'smartwifi' | 'anykrowd'; kind: 'triggers' | 'searches' | 'creates'; key: string; inputData(ctx: CaseContext): Record<string, string> };
}

const op = (id: string) => findOperation(id) as OperationDeclaration;
const fromList = (value: string | number) => ({ __rl: true, mode: 'list', value: String(value) });
const GUEST = 42;
const venueOf = (sandbox: Sandbox) => sandbox.state.splash.venues.find((v) => v.team_id === sandbox.state.splash.team(sandbox.keys.splash.team)?.id)!.id;

/** A read and, where the vendor has one, a write that moves money or points. */
export const PLATFORM_CASES: PlatformCase[] = [
  {
    op: op('nectifi.getGuest'),
    input: () => ({ guest_id: GUEST }),
    n8n: { nodeType: 'nectifi', resource: 'guest', parameters: () => ({ guestId: GUEST }) },
    zapier: { app: 'nectifi', kind: 'searches', key: 'findGuestById', inputData: () => ({ guest_id: String(GUEST) }) },
  },
  {
    op: op('nectifi.addPoints'),
    input: () => ({ guest_id: GUEST, points: 10 }),
    n8n: { nodeType: 'nectifi', resource: 'loyalty', parameters: () => ({ guestId: GUEST, points: 10 }) },
    zapier: { app: 'nectifi', kind: 'creates', key: 'addPoints', inputData: () => ({ guest_id: String(GUEST), points: '10' }) },
  },
  {
    op: op('splash.listCustomers'),
    input: () => ({}),
    n8n: { nodeType: 'splashAir', resource: 'customer', parameters: () => ({ returnAll: false, limit: 20 }) },
    zapier: { app: 'splash', kind: 'triggers', key: 'newCustomer', inputData: () => ({}) },
  },
  {
    op: op('splash.createVoucher'),
    input: ({ sandbox, unique }) => ({ code: unique, venue_id: venueOf(sandbox), number_of_days: 7 }),
    n8n: { nodeType: 'splashAir', resource: 'voucher', parameters: ({ sandbox, unique }) => ({ code: unique, venueId: fromList(venueOf(sandbox)), numberOfDays: 7 }) },
    zapier: { app: 'splash', kind: 'creates', key: 'createVoucher', inputData: ({ sandbox, unique }) => ({ code: unique, venue_id: String(venueOf(sandbox)), number_of_days: '7' }) },
  },
  {
    op: op('smartwifi.listConnections'),
    input: () => ({}),
    n8n: { nodeType: 'smartWifi', resource: 'connection', parameters: () => ({ returnAll: false, limit: 20 }) },
    zapier: { app: 'smartwifi', kind: 'triggers', key: 'newConnection', inputData: () => ({}) },
  },
  {
    op: op('anykrowd.getWallet'),
    input: ({ sandbox }) => ({ id: sandbox.keys.anykrowd.walletId }),
    n8n: { nodeType: 'anykrowd', resource: 'wallet', parameters: ({ sandbox }) => ({ walletId: sandbox.keys.anykrowd.walletId }) },
    zapier: { app: 'anykrowd', kind: 'searches', key: 'findWalletById', inputData: ({ sandbox }) => ({ id: String(sandbox.keys.anykrowd.walletId) }) },
  },
  {
    op: op('anykrowd.topUpUser'),
    input: ({ sandbox }) => ({ external_id: sandbox.keys.anykrowd.userExternalId, currency_id: sandbox.keys.anykrowd.currencyId, amount: '1.00' }),
    n8n: {
      nodeType: 'anykrowd',
      resource: 'user',
      parameters: ({ sandbox }) => ({ externalId: sandbox.keys.anykrowd.userExternalId, currencyId: fromList(sandbox.keys.anykrowd.currencyId), amount: '1.00' }),
    },
    zapier: {
      app: 'anykrowd',
      kind: 'creates',
      key: 'topUpUser',
      inputData: ({ sandbox }) => ({ external_id: sandbox.keys.anykrowd.userExternalId, currency_id: String(sandbox.keys.anykrowd.currencyId), amount: '1.00' }),
    },
  },
];
