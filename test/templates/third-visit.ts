import type { Sandbox } from '../sandbox';
import { type TemplateSpec, holds, same } from '../../scripts/templates/spec';

interface Guest {
  id: number;
  name: string;
  is_vip: boolean;
}

const DAY = 86_400_000;
const LOOK_BACK = 30 * 60_000;

/**
 * Five Nectifi guests on their third visit in 30 days (the third just over a look-back ago, so these
 * are the five newest third visits the manual run shows), and one on their second: no event.
 */
export const thirdVisit: TemplateSpec<{ guests: Guest[]; secondOnly: Guest; thirdVisits: number[] }> = {
  file: '8-vip-on-third-visit-slack.json',
  prepare(sandbox: Sandbox) {
    const now = Date.now();
    const guest = () => sandbox.insert.nectifiGuest({ is_vip: false, created_at: now - 40 * DAY }) as unknown as Guest;
    const visit = (g: Guest, started: number) => Number(sandbox.insert.nectifiSession({ guest_id: g.id, started_at: started, ended_at: started + 3_600_000 }).id);
    const guests = [guest(), guest(), guest(), guest(), guest()];
    const thirdVisits = guests.map((g, i) => {
      visit(g, now - 20 * DAY);
      visit(g, now - 6 * DAY);
      return visit(g, now - LOOK_BACK - (20 + 2 * (guests.length - 1 - i)) * 1000);
    });
    const secondOnly = guest();
    visit(secondOnly, now - 10 * DAY);
    visit(secondOnly, now - LOOK_BACK - 10_000);
    return { guests, secondOnly, thirdVisits };
  },
  pinned: {
    'Alert the front desk': ({ guests }) => guests.map((_g, i) => ({ ok: true, channel: 'C0FRONTDESK', ts: `1764860000.00080${i}`, message: { type: 'message', subtype: 'bot_message' } })),
  },
  expect({ sandbox, fixture, run }) {
    const { guests, secondOnly, thirdVisits } = fixture;
    const nectifi = sandbox.state.nectifi.guests;
    const texts = run.resolved('Alert the front desk').map((r) => r.text);
    return [
      same('the trigger: each guest\'s third visit, numbered 3', run.output('Third visit').map((e) => [e.guest_id, e.visit_id, e.visit_number]), guests.map((g, i) => [String(g.id), String(thirdVisits[i]), 3])),
      holds('the trigger: nothing for the guest on a second visit', !run.output('Third visit').some((e) => e.guest_id === String(secondOnly.id)), String(secondOnly.id)),
      same('Nectifi: each guest comes back from Update Guest as a VIP', run.output('Mark as VIP').map((g) => [g.id, g.is_vip]), guests.map((g) => [g.id, true])),
      same('sandbox: the five are VIPs, the second-visit guest is not', [...guests, secondOnly].map((g) => nectifi.get(g.id)?.is_vip), [true, true, true, true, true, false]),
      holds('Slack: one message per guest, naming them and the visit number', texts.length === guests.length && texts.every((t, i) => t.includes(guests[i].name) && t.includes('visit 3 within 30 days')), texts.join(' | ')),
    ];
  },
};
