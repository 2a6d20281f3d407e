import type { Sandbox } from '../sandbox';
import { type TemplateSpec, holds, same } from '../../scripts/templates/spec';

interface Guest {
  id: number;
  name: string;
  email: string;
}

const DAY = 86_400_000;
const LOOK_BACK = 30 * 60_000;

/**
 * Five Nectifi guests whose only visit was 30 days ago, so each lapses just over a look-back ago:
 * the five newest lapses of the last week, which the trigger's manual run shows. Four accepted
 * marketing, one did not.
 */
export const winback: TemplateSpec<{ guests: Guest[]; offered: Guest[]; declined: Guest; notesBefore: number }> = {
  file: '7-win-back-lapsed-guests-gmail.json',
  prepare(sandbox: Sandbox) {
    const now = Date.now();
    const consents = [true, true, false, true, true];
    const guests = consents.map((consent, i) => {
      const guest = sandbox.insert.nectifiGuest({ marketing_consent: consent, created_at: now - 60 * DAY }) as unknown as Guest;
      const started = now - 30 * DAY - LOOK_BACK - (20 + 2 * (consents.length - 1 - i)) * 1000;
      sandbox.insert.nectifiSession({ guest_id: guest.id, started_at: started, ended_at: started + 40 * 60_000 });
      return guest;
    });
    return { guests, offered: guests.filter((_g, i) => consents[i]), declined: guests[2], notesBefore: sandbox.state.nectifi.notes.length };
  },
  pinned: {
    'Send win-back offer': ({ offered }) => offered.map((_g, i) => ({ id: `18c7back${i}`, threadId: `18c7back${i}`, labelIds: ['SENT'] })),
  },
  expect({ sandbox, fixture, run }) {
    const { guests, offered, declined, notesBefore } = fixture;
    const notes = sandbox.state.nectifi.notes.slice(notesBefore);
    const emails = run.resolved('Send win-back offer');
    return [
      same('the trigger: one lapse per guest, 30 days without a visit', run.output('Guest lapsed').map((e) => [e.guest_id, e.days_without_visit]), guests.map((g) => [String(g.id), 30])),
      same('Get guest read each lapsed guest', run.output('Get guest').map((g) => g.id), guests.map((g) => g.id)),
      same('Gmail: one offer to each guest who accepted marketing', emails.map((r) => r.sendTo), offered.map((g) => g.email)),
      holds('Gmail: no offer to the guest who declined marketing', !emails.some((r) => r.sendTo === declined.email), declined.email),
      holds('Gmail: it names the guest, the 30 days and their code', emails.every((r, i) => r.subject.includes(offered[i].name.split(' ')[0]) && r.message.includes('30 days') && r.message.includes(`COMEBACK-${offered[i].id}`)), emails.map((r) => r.subject).join(' | ')),
      same('sandbox: one note on each guest offered, saying so', notes.map((n) => [n.guest_id, n.text]), offered.map((g) => [g.id, `Win-back offer COMEBACK-${g.id} sent by email after 30 days without a visit`])),
    ];
  },
};
