export * from './schema';
export * from './load';
export { PRESETS, isPresetName } from './presets';
export * from './official-webmail';
