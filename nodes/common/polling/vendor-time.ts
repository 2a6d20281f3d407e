export { parseVendorTime, spacedUtc, tUtc } from '../../../shared/core/vendor-time';
