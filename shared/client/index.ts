export * from './create-client';
export * from './paginate';
export * from './runner';
export * from './vendor-profile';
export * from './service-url';
export { closeDefaultTransport } from './default-transport';
export type { SchemaDrift, DriftReporter } from './decode';
export * from './upsert';
