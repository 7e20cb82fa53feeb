import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts', 'core/rules/test-helpers.ts'],
    // The core runs in a service worker, a page, an Office runtime and Node alike:
    // it must not reach for any host's globals or Node's modules.
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'Office', 'navigator', 'process', 'Buffer', 'require'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', '../../extension/*', '../../outlook-addin/*', '../../cli/*'] }],
    },
  },
  {
    rules: {
      'no-restricted-properties': ['error', { property: 'innerHTML', message: 'Render text only: no innerHTML.' }, { property: 'outerHTML', message: 'Render text only.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
