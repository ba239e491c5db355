/** The public API of src/core: the domain shared by the app, the service worker and the server. */
export * from './lang';
export * from './status';
export * from './catalog';
export * from './request';
export * from './events';
export * from './lifecycle';
export * from './service-level';
export * from './tracking';
export * from './ids';
export * from './answers';
export * from './validate';
export * from './kiosk';
export * from './access-code';
