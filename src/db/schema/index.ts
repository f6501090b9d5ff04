export * from './org';
export * from './auth';
export * from './plan';
export * from './audit';
export * from './reporting';
export * from './notification';
export * from './reference';
export * from './dualcontrol';
