export * from './operation';
export * as f from './fields';
export * from './upsert';
export { type Built, type SchemaSource, lazySchema } from './lazy';
