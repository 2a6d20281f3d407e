import type { DropdownSource } from '../../shared/core/operation';

/** `listLocations` → `searchLocations` (listSearch) and `getLocations` (loadOptions). */
export function searchMethodName(dropdown: DropdownSource): string {
  return `search${dropdown.operation.replace(/^list/, '')}`;
}

export function loadOptionsMethodName(dropdown: DropdownSource): string {
  return `get${dropdown.operation.replace(/^list/, '')}`;
}
