import type { Sandbox } from '../sandbox';
import { type TemplateSpec, holds, same } from '../../scripts/templates/spec';

interface Customer {
  id: number;
  email: string | null;
  first_name: string;
  last_name: string;
}

/** Five new Splash customers: three opted in, one opted out, one without email. */
export const mailchimp: TemplateSpec<{ customers: Customer[]; subscribed: Customer[]; vouchersBefore: number }> = {
  file: '3-splash-customer-to-mailchimp-voucher.json',
  prepare(sandbox: Sandbox) {
    const vouchersBefore = sandbox.state.splash.vouchers.length;
    const add = (partial: Record<string, unknown>) => sandbox.insert.splashCustomer(partial) as unknown as Customer;
    const customers = [add({}), add({ marketing_opt_in: false }), add({}), add({ email: null }), add({})];
    return { customers, subscribed: [customers[0], customers[2], customers[4]], vouchersBefore };
  },
  pinned: {
    'Add to Mailchimp audience': ({ subscribed }) =>
      subscribed.map((c) => ({ id: `mc-${c.id}`, email_address: c.email, status: 'subscribed', list_id: 'your-audience-id', merge_fields: { FNAME: c.first_name, LNAME: c.last_name, VOUCHER: `WELCOME-${c.id}` } })),
  },
  expect({ sandbox, fixture, run }) {
    const { subscribed, vouchersBefore } = fixture;
    const vouchers = sandbox.state.splash.vouchers.slice(vouchersBefore);
    const resolved = run.resolved('Add to Mailchimp audience');
    return [
      same('sandbox: one welcome voucher per opted-in customer', vouchers.map((v) => v.code), subscribed.map((c) => `WELCOME-${c.id}`)),
      holds('sandbox: vouchers at venue 1, 7 days, 2 devices', vouchers.every((v) => v.venue_id === 1 && v.number_of_days === 7 && v.max_devices === 2), JSON.stringify(vouchers.map((v) => [v.venue_id, v.number_of_days, v.max_devices]))),
      same('Mailchimp received the new vouchers', run.input('Add to Mailchimp audience').map((v) => v.code), subscribed.map((c) => `WELCOME-${c.id}`)),
      same('Mailchimp: each customer subscribed with their name and voucher code', resolved.map((r) => [r.email, r['mergeFieldsUi.mergeFieldsValues[0].value'], r['mergeFieldsUi.mergeFieldsValues[2].value']]), subscribed.map((c) => [c.email, c.first_name, `WELCOME-${c.id}`])),
    ];
  },
};
