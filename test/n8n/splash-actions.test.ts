import type { Sandbox } from '../sandbox';
import { byId, fromList, runChain, step } from './support/chain';
import type { CredentialStore } from './support/engine';
import { useEngineSandbox } from './support/sandbox';

let sandbox: Sandbox;
let credentials: CredentialStore;

useEngineSandbox((started, stored) => {
  sandbox = started;
  credentials = stored;
});

const splash = (name: string, resource: string, operation: string, parameters = {}) => step(name, 'splashAir', resource, operation, parameters);
const defaultTeam = () => sandbox.state.splash.teams.find((t) => t.slug === 'default')!;

describe('Splash Air workflows through the n8n engine', () => {
  test('voucher: create (form body) at a venue from the list, list, delete', async () => {
    const venue = sandbox.state.splash.venues.find((v) => v.team_id === defaultTeam().id)!;
    const created = await runChain(
      [
        splash('Create Voucher', 'voucher', 'createVoucher', {
          code: '=N8N-{{ $json.n }}',
          venueId: fromList(venue.id),
          numberOfDays: 7,
          additionalFields: { downspeed: 50, maxDevices: 2 },
        }),
      ],
      [{ n: 'ONE' }, { n: 'TWO' }],
      credentials,
    );
    expect(created.output('Create Voucher').map((i) => i.json.code)).toEqual(['N8N-ONE', 'N8N-TWO']);
    const stored = sandbox.state.splash.vouchers.filter((v) => v.code.startsWith('N8N-'));
    expect(stored.map((v) => [v.code, v.venue_id, v.number_of_days, v.downspeed, v.max_devices])).toEqual([
      ['N8N-ONE', venue.id, 7, 50, 2],
      ['N8N-TWO', venue.id, 7, 50, 2],
    ]);

    const result = await runChain(
      [
        splash('List Vouchers', 'voucher', 'listVouchers', { returnAll: true }),
        splash('Delete Voucher', 'voucher', 'deleteVoucher', { voucherId: byId(stored[0].id) }),
      ],
      [{}],
      credentials,
    );
    expect(result.output('List Vouchers').map((i) => i.json.code)).toEqual(expect.arrayContaining(['N8N-ONE', 'N8N-TWO']));
    expect(sandbox.state.splash.vouchers.map((v) => v.code)).not.toContain('N8N-ONE');
    expect(sandbox.state.splash.vouchers.map((v) => v.code)).toContain('N8N-TWO');
  });

  test('customer, visit and venue lists: date filters, Return All across pages, Limit', async () => {
    const result = await runChain(
      [
        splash('Venues', 'venue', 'listVenues', { returnAll: true }),
        splash('Customers', 'customer', 'listCustomers', { returnAll: true }, ),
      ],
      [{}],
      credentials,
    );
    const teamVenues = sandbox.state.splash.venues.filter((v) => v.team_id === defaultTeam().id);
    expect(result.output('Venues').map((i) => i.json.id).sort()).toEqual(teamVenues.map((v) => v.id).sort());
    // One customer list per venue item; each run pages through every customer of the team.
    const perRun = result.output('Customers').length / teamVenues.length;
    expect(perRun).toBeGreaterThan(100);

    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const visits = await runChain(
      [splash('Visits', 'visit', 'listCustomerVisits', { returnAll: true, filters: { startDate: day } })],
      [{}],
      credentials,
    );
    const times = visits.output('Visits').map((i) => Date.parse(String(i.json.created_at)));
    expect(times.length).toBeGreaterThan(0);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse(`${day}T00:00:00Z`));

    const limited = await runChain([splash('Some', 'customer', 'listCustomers', { limit: 3 })], [{}], credentials);
    expect(limited.output('Some')).toHaveLength(3);
  });
});
