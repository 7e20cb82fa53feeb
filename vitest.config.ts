import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['deploy/**/*.test.ts', 'scripts/**/*.test.ts', 'core/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts', 'extension/**/*.test.tsx', 'extension/**/*.test.ts', 'outlook-addin/**/*.test.ts', 'outlook-addin/**/*.test.tsx'],
    testTimeout: 30_000,
  },
});
