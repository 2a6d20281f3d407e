import { listWalletTransactions } from '../../shared/anykrowd/operations/wallets';
import { newestPageItems } from '../../zapier/common/newest-pages';
import { World } from '../properties/support/world';

// Zapier's page-numbered triggers (Splash Air, anykrowd) decide from page 1 whether the vendor lists
// newest or oldest first. A vendor that lists newest first by time puts a row written late (highest
// id, earlier time) inside page 1: one late row must not turn the decision (issue 13, case 2).

const MINUTE = 60_000;
let world: World;
beforeAll(async () => {
  world = await World.start({ listOrder: 'time' });
});
afterAll(async () => {
  await world.close();
});

test('a late transaction at the end of page 1 of a newest-first-by-time list: the newest page is still page 1', async () => {
  world.beginRun(0, 10 * MINUTE, true);
  const ak = world.sandbox.state.anykrowd;
  const user = ak.addUser({ external_id: 'late-row', external_qr_code: 'late-row', external_qr_codes: [], first_name: 'Late', last_name: 'Row', roles: [], has_account: false, created_at: world.clock.vendorMs(), updated_at: world.clock.vendorMs() });
  const wallet = ak.addWallet(user.id, 1);
  const start = world.clock.vendorMs();
  const rows = Array.from({ length: 20 }, (_, i) => world.sandbox.insert.anykrowdTransaction(wallet.id, { amount: '1.00', created_at: start + i * MINUTE }));
  world.clock.advance(30 * MINUTE);
  // Dated between the 11th and 12th rows: 10th newest by time, so the last row of a page of 10.
  const late = world.sandbox.insert.anykrowdTransaction(wallet.id, { amount: '2.00', created_at: start + 10 * MINUTE + 30_000 });
  const items = await newestPageItems(world.runner('anykrowd'), listWalletTransactions, { id: wallet.id }, 10);
  const ids = items.map((item) => item.id);
  expect(ids).toContain(late.id);
  expect(ids).toContain(rows[19].id);
});
