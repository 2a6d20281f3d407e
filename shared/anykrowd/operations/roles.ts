import { defineOperation, f } from '../../core';
import { role } from '../schemas';
import { anykrowdPaging, pagingFields } from './inputs';

const sample = { id: 1, name: 'Checkin', full_rights: false, rights: { check_in: true, change_location: true } };

export const listRoles = defineOperation({
  vendor: 'anykrowd',
  key: 'listRoles',
  resource: 'role',
  label: 'List Roles',
  description: 'Lists the staff roles (sets of rights) you can give when syncing users.',
  method: 'GET',
  path: '/apix/v1/roles/list',
  fields: {
    ...pagingFields('roles'),
  },
  returns: 'list',
  output: role,
  sample,
  paging: anykrowdPaging,
  safety: 'read',
});

export const getRole = defineOperation({
  vendor: 'anykrowd',
  key: 'getRole',
  resource: 'role',
  label: 'Get Role',
  description: 'Gets one staff role with its rights.',
  method: 'GET',
  path: '/apix/v1/roles/show/{id}',
  fields: {
    id: {
      in: 'path',
      schema: () => f.positiveId(),
      label: 'Role',
      help: 'The role to get. Pick one from the list, or map its ID from an earlier step.',
      example: 1,
      dropdown: { operation: 'listRoles', value: 'id', label: 'name' },
    },
  },
  returns: 'object',
  output: role,
  sample,
  paging: { style: 'none' },
  safety: 'read',
});
