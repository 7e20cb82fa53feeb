import { describe, expect, it } from 'vitest';
import { PRESETS } from '../policy/presets';
import { citationFor } from '../check';
import { passwordPolicyRule } from './password-policy';

describe('password-policy (registry entry)', () => {
  it('cites Art. 8 of Đà Nẵng’s regulation and is switched on in every preset', () => {
    expect(citationFor(passwordPolicyRule, PRESETS.danang).vi).toContain('Điều 8');
    for (const preset of Object.values(PRESETS)) expect(preset.rules['password-policy']).not.toBe('off');
  });
});
