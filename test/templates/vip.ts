import type { Sandbox } from '../sandbox';
import { type TemplateSpec, holds, same } from '../../scripts/templates/spec';

interface Guest {
  id: number;
  name: string;
}

/** Five new WiFi sessions: two by new VIP guests, three by guests who are not VIPs. */
export const vip: TemplateSpec<{ vips: Guest[]; others: Guest[]; notesBefore: number }> = {
  file: '2-vip-arrival-slack.json',
  prepare(sandbox: Sandbox) {
    const guest = (isVip: boolean) => sandbox.insert.nectifiGuest({ is_vip: isVip, location_id: 1 }) as unknown as Guest;
    const [a, b, c, d, e] = [guest(true), guest(false), guest(true), guest(false), guest(false)];
    for (const g of [a, b, c, d, e]) sandbox.insert.nectifiSession({ guest_id: g.id });
    return { vips: [a, c], others: [b, d, e], notesBefore: sandbox.state.nectifi.notes.length };
  },
  pinned: {
    'Alert the front desk': ({ vips }) => vips.map((_g, i) => ({ ok: true, channel: 'C0FRONTDESK', ts: `1764860000.00010${i}`, message: { type: 'message', subtype: 'bot_message' } })),
  },
  expect({ sandbox, fixture, run }) {
    const { vips, others, notesBefore } = fixture;
    const notes = sandbox.state.nectifi.notes.slice(notesBefore);
    return [
      same('Slack received the two VIPs', run.input('Alert the front desk').map((g) => g.id), vips.map((g) => g.id)),
      holds('Slack: the message names the VIP', run.resolved('Alert the front desk').every((r, i) => r.text.includes(vips[i].name)), run.resolved('Alert the front desk').map((r) => r.text).join(' | ')),
      same('sandbox: one note on each VIP, none on the others', notes.map((n) => n.guest_id), vips.map((g) => g.id)),
      holds('sandbox: the note says the alert went out', notes.every((n) => n.text.startsWith('VIP arrival announced on Slack')), notes.map((n) => n.text).join(' | ')),
      holds('sandbox: no note on a guest who is not a VIP', others.every((g) => sandbox.state.nectifi.notesOf(g.id).length === 0), others.map((g) => g.id).join(', ')),
    ];
  },
};
