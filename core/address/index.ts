export * from './extract';
export * from './classify';
