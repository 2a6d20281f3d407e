import type { InputField } from '../common/input-fields';
import { isEmpty } from '../common/input-data';

/**
 * Sync Users for a no-code user: Zapier line items cannot hold a list inside a list, so instead of
 * a JSON text of roles, each line is a staff member with at most one role, and a staff member with
 * several roles takes one line per role (same External ID; the other columns of those lines may be
 * left empty). The lines become anykrowd's `staff_members` (each with its `roles`) before the
 * shared validation, so its errors name the line and the column.
 */
export const SYNC_USERS_FIELDS: InputField[] = [
  {
    key: 'staff_members_help',
    type: 'copy',
    helpText:
      'One line per staff member (1 to 500 per run). A staff member already synced with the same External ID is updated. To give someone several roles, add one more line per role with the same External ID.',
  },
  {
    key: 'staff_members',
    label: 'Staff Members',
    required: true,
    children: [
      { key: 'external_id', label: 'External ID', required: true, type: 'string', helpText: 'Your own ID for this staff member (from your staff or HR system), text or a whole number, e.g. 3.' },
      { key: 'external_qr_code', label: 'QR Code', required: false, type: 'string', helpText: 'The QR code (its text value) the staff member scans in with. Needed on the first line of a staff member.' },
      { key: 'external_qr_codes', label: 'Additional QR Codes', required: false, type: 'string', helpText: 'Extra QR codes for the same staff member, separated by commas, e.g. a1, a2.' },
      { key: 'first_name', label: 'First Name', required: false, type: 'string', helpText: 'The staff member\'s first name. Needed on the first line of a staff member.' },
      { key: 'last_name', label: 'Last Name', required: false, type: 'string', helpText: 'The staff member\'s last name. Needed on the first line of a staff member.' },
      { key: 'role_id', label: 'Role', required: false, dynamic: 'listRoles.id.name', helpText: 'A role to give this staff member: pick one from the list, or map its ID from an earlier step. Leave empty for none.' },
      {
        key: 'role_valid_from',
        label: 'Role Valid From',
        required: false,
        type: 'string',
        helpText: 'When the role starts, as year-month-day hours:minutes:seconds in the event\'s local time, e.g. 2026-06-20 12:00:00 (anykrowd\'s format). Leave empty for right away.',
      },
      {
        key: 'role_valid_until',
        label: 'Role Valid Until',
        required: false,
        type: 'string',
        helpText: 'When the role ends, in the same format, e.g. 2026-06-22 12:00:00. Leave empty for no end.',
      },
      { key: 'create_user_account', label: 'Create User Account', required: false, type: 'boolean', helpText: 'Whether to also create an anykrowd user (ClientX) account.' },
    ],
  },
];

const MEMBER_COLUMNS = ['external_id', 'external_qr_code', 'external_qr_codes', 'first_name', 'last_name', 'create_user_account'] as const;

/** Zapier's line items (an array of rows, or one object of columns) → `staff_members` with roles. */
export function staffMembersFromLines(inputData: Record<string, unknown>): Record<string, unknown> {
  const members = new Map<string, Record<string, unknown>>();
  const unnamed: Record<string, unknown>[] = [];
  for (const line of linesOf(inputData.staff_members)) {
    const id = isEmpty(line.external_id) ? undefined : String(line.external_id).trim();
    let member = id === undefined ? undefined : members.get(id);
    if (!member) {
      member = {};
      if (id === undefined) unnamed.push(member);
      else members.set(id, member);
    }
    for (const column of MEMBER_COLUMNS) if (member[column] === undefined && !isEmpty(line[column])) member[column] = line[column];
    if (!isEmpty(line.role_id) || !isEmpty(line.role_valid_from) || !isEmpty(line.role_valid_until)) {
      const role: Record<string, unknown> = { role_id: line.role_id };
      if (!isEmpty(line.role_valid_from)) role.valid_from = spaced(line.role_valid_from);
      if (!isEmpty(line.role_valid_until)) role.valid_until = spaced(line.role_valid_until);
      member.roles = [...((member.roles as unknown[]) ?? []), role];
    }
  }
  return { staff_members: [...members.values(), ...unnamed] };
}

function linesOf(raw: unknown): Record<string, unknown>[] {
  if (Array.isArray(raw)) return raw.filter((line): line is Record<string, unknown> => !!line && typeof line === 'object');
  return raw && typeof raw === 'object' ? [raw as Record<string, unknown>] : [];
}

/** `2026-06-20T12:00:00` (a date picker's form, no offset) → anykrowd's `2026-06-20 12:00:00`. */
function spaced(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  return match ? `${match[1]} ${match[2]}${match[3] ?? ':00'}` : value.trim();
}
