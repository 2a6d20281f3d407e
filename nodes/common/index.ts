export { executeVendorNode } from './execute';
export { dropdownMethods } from './dropdowns';
export { operationProperties } from './properties';
export { ANYKROWD, NECTIFI, SMARTWIFI, SPLASH_AIR, VENDOR_SPECS, type VendorSpec } from './vendors';
