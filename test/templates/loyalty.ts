import type { Sandbox } from '../sandbox';
import { type TemplateSpec, holds, same } from '../../scripts/templates/spec';

interface Guest {
  id: number;
  email: string | null;
}

/** Five new WiFi sessions of five new guests, one of whom left no email. */
export const loyalty: TemplateSpec<{ guests: Guest[]; sessions: number[]; emailed: Guest[] }> = {
  file: '5-loyalty-points-on-visit-gmail.json',
  prepare(sandbox: Sandbox) {
    const guests = [0, 1, 2, 3, 4].map((i) => sandbox.insert.nectifiGuest(i === 2 ? { email: null } : {}) as unknown as Guest);
    const sessions = guests.map((g) => Number(sandbox.insert.nectifiSession({ guest_id: g.id }).id));
    return { guests, sessions, emailed: guests.filter((g) => g.email) };
  },
  pinned: {
    'Thank-you email': ({ emailed }) => emailed.map((_g, i) => ({ id: `18c1oyal${i}`, threadId: `18c1oyal${i}`, labelIds: ['SENT'] })),
  },
  expect({ sandbox, fixture, run }) {
    const { guests, sessions, emailed } = fixture;
    const ledgers = guests.map((g) => sandbox.state.nectifi.ledgerOf(g.id));
    const resolved = run.resolved('Thank-you email');
    return [
      same('sandbox: 10 points per visit, keyed by the session', ledgers.map((l) => l.map((e) => [e.points, e.idempotency_key])), sessions.map((s) => [[10, `visit-${s}`]])),
      same('Gmail received the guests with an email', run.input('Thank-you email').map((g) => g.id), emailed.map((g) => g.id)),
      same('Gmail: one email to each', resolved.map((r) => r.sendTo), emailed.map((g) => g.email)),
      holds(
        'Gmail: the email states the new balance',
        resolved.every((r, i) => r.message.includes(`<b>${sandbox.state.nectifi.points(emailed[i].id).balance}</b>`)),
        resolved.map((r) => /<b>(\d+)<\/b>/.exec(r.message)?.[1]).join(', '),
      ),
    ];
  },
};
