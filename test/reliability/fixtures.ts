import type { OperationRunner } from '../../shared/client/runner';
import type { OperationDeclaration, Vendor } from '../../shared/core/operation';
import { ALL_OPERATIONS } from '../../shared/catalog';
import type { Sandbox } from '../sandbox';
import { type Ids, PLACEHOLDER_IDS, validInputs } from '../support/valid-inputs';

const op = (id: string) => ALL_OPERATIONS.find((candidate) => candidate.id === id) as OperationDeclaration;
let unique = 0;

/**
 * A fresh, valid input for one run of an operation: writes that use something up (a grant, a
 * voucher, a top-up to revoke, points to redeem) get their own prerequisite, made fault-free.
 */
export async function freshInput(
  id: string,
  sandbox: Sandbox,
  runners: Record<Vendor, OperationRunner>,
): Promise<Record<string, unknown>> {
  unique += 1;
  const call = (opId: string, input: Record<string, unknown>) => runners[op(opId).vendor].call(op(opId), input) as Promise<any>;
  const ids: Ids = {
    ...PLACEHOLDER_IDS,
    guestId: 42,
    tagSlug: `tag-${process.pid}-${unique}`,
    voucherCode: `REL-${process.pid}-${unique}`,
    externalId: sandbox.keys.anykrowd.userExternalId,
    walletId: sandbox.keys.anykrowd.walletId,
    currencyId: sandbox.keys.anykrowd.currencyId,
  };
  switch (id) {
    case 'nectifi.redeemPromotion': {
      const grant = await call('nectifi.grantPromotion', validInputs(ids)['nectifi.grantPromotion']);
      ids.grantId = grant.grant_id ?? grant.id;
      break;
    }
    case 'nectifi.redeemPoints':
    case 'nectifi.redeemWalletReward':
      await call('nectifi.addPoints', { guest_id: ids.guestId, points: 5000 });
      ids.rewardId = (await call('nectifi.getWallet', { guest_id: ids.guestId })).rewards[0].reward_id;
      break;
    case 'nectifi.getDeliveryStatus':
      ids.requestId = Number((await call('nectifi.sendEmail', validInputs(ids)['nectifi.sendEmail'])).request_id);
      break;
    case 'nectifi.updateGuest':
      await call('nectifi.createTag', validInputs(ids)['nectifi.createTag']);
      break;
    case 'splash.deleteVoucher':
      ids.voucherId = (await call('splash.createVoucher', validInputs(ids)['splash.createVoucher'])).id;
      break;
    case 'anykrowd.revokeTopUp':
      ids.nanoid = (await call('anykrowd.topUpWallet', validInputs(ids)['anykrowd.topUpWallet'])).nanoid;
      break;
    case 'smartwifi.getGuest':
      ids.guestToken = (await call('smartwifi.listConnections', {}))[0].guesttoken;
      break;
  }
  return validInputs(ids)[id];
}
