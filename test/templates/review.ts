import type { Sandbox } from '../sandbox';
import { type TemplateSpec, holds, same } from '../../scripts/templates/spec';

interface Guest {
  id: number;
  name: string;
  email: string;
}

/** A guest who accepted marketing ends a 45-minute WiFi session: Nectifi signs and sends visit.ended. */
export const review: TemplateSpec<{ guest: Guest; sessionId: number; notesBefore: number }> = {
  file: '6-review-request-after-visit-gmail.json',
  prepare(sandbox: Sandbox) {
    const guest = sandbox.insert.nectifiGuest({ marketing_consent: true }) as unknown as Guest;
    const session = sandbox.insert.nectifiSession({ guest_id: guest.id, started_at: Date.now() - 45 * 60_000 });
    return { guest, sessionId: Number(session.id), notesBefore: sandbox.state.nectifi.notes.length };
  },
  emit(sandbox, { sessionId }) {
    sandbox.insert.endNectifiSession(sessionId);
  },
  pinned: {
    'Ask for a review': () => [{ id: '18c2evie0', threadId: '18c2evie0', labelIds: ['SENT'] }],
  },
  expect({ sandbox, fixture, run }) {
    const { guest, sessionId, notesBefore } = fixture;
    const notes = sandbox.state.nectifi.notes.slice(notesBefore);
    const [email] = run.resolved('Ask for a review');
    return [
      same('the trigger got the signed visit.ended of the session', run.output('Visit ended').map((e) => [e.event, (e.payload as { session_id: number }).session_id]), [['visit.ended', sessionId]]),
      same('Gmail: the review request goes to the guest', email?.sendTo, guest.email),
      holds('Gmail: it names the guest and the 45 minutes', !!email && email.subject.includes(guest.name.split(' ')[0]) && email.message.includes('45 minutes'), `${email?.subject} | ${email?.message.slice(0, 120)}`),
      same('sandbox: one note on the guest saying so', notes.map((n) => [n.guest_id, n.text]), [[guest.id, `Review request sent by email after the visit of session ${sessionId}`]]),
    ];
  },
};
