import type { Sandbox } from '../sandbox';
import { type TemplateSpec, holds, same } from '../../scripts/templates/spec';

interface WifiGuest {
  id: number;
  email: string;
  first_name: string;
  unsubscribed: boolean;
}

/**
 * Six SmartWiFi guests whose birthday is 7 days from now (UTC): five who did not unsubscribe (one
 * without an email) and one who did. The guest list is newest first, so these are the birthdays the
 * manual run shows before the sandbox's own.
 */
export const birthday: TemplateSpec<{ guests: WifiGuest[]; emailed: WifiGuest[]; unsubscribed: WifiGuest; birthday: string }> = {
  file: '9-birthday-offer-gmail.json',
  prepare(sandbox: Sandbox) {
    const birthday = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const born = (year: number) => `${year}${birthday.slice(4)}`;
    const add = (partial: Record<string, unknown>) => sandbox.insert.smartwifiGuest(partial) as unknown as WifiGuest;
    const all = [add({ birthdate: born(1985) }), add({ birthdate: born(1990), unsubscribed: true }), add({ birthdate: born(1992) }), add({ birthdate: born(1979), email: '' }), add({ birthdate: born(2001) }), add({ birthdate: born(1968) })];
    const guests = all.filter((g) => !g.unsubscribed);
    return { guests, emailed: guests.filter((g) => g.email), unsubscribed: all[1], birthday };
  },
  pinned: {
    'Send birthday offer': ({ emailed }) => emailed.map((_g, i) => ({ id: `18c9b1d${i}`, threadId: `18c9b1d${i}`, labelIds: ['SENT'] })),
  },
  expect({ fixture, run }) {
    const { guests, emailed, unsubscribed, birthday } = fixture;
    const events = run.output('Birthday in 7 days');
    const emails = run.resolved('Send birthday offer');
    const day = String(Number(birthday.slice(8, 10)));
    return [
      same('the trigger: the five who did not unsubscribe, birthday in 7 days', events.map((e) => [e.guest_id, e.birthday, e.days_before]), guests.map((g) => [String(g.id), birthday, 7])),
      holds('the trigger: not the guest who unsubscribed (Only Guests Who Accepted Marketing)', !events.some((e) => e.guest_id === String(unsubscribed.id)), String(unsubscribed.id)),
      same('Gmail: one offer to each guest with an email', emails.map((r) => r.sendTo), emailed.map((g) => g.email)),
      holds('Gmail: it names the guest and the birthday', emails.every((r, i) => r.subject.includes(emailed[i].first_name) && r.message.includes(`Your birthday is on ${day} `)), emails.map((r) => `${r.subject} / ${r.message.slice(0, 80)}`).join(' | ')),
    ];
  },
};
