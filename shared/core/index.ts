export * from './operation';
export * as f from './fields';
export * from './upsert';
