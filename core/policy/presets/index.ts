import type { AuthorityId, Policy } from '../schema';
import { binhdinhPreset } from './binhdinh';
import { canthoPreset } from './cantho';
import { danangPreset } from './danang';
import { defaultPreset } from './default';
import { quangngaiPreset } from './quangngai';

export const PRESETS: Record<AuthorityId, Policy> = {
  default: defaultPreset,
  danang: danangPreset,
  cantho: canthoPreset,
  quangngai: quangngaiPreset,
  binhdinh: binhdinhPreset,
};

export function isPresetName(name: string): name is AuthorityId {
  return Object.hasOwn(PRESETS, name);
}
