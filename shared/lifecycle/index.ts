export * from './consent';
export * from './derive';
export * from './events';
export * from './sources';
export * from './step';
export * from './visits';
export * from './recent';
export * from './birthday';
