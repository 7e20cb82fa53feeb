import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Benchmarks run as built JavaScript, as the product does, not through a dev-time loader.
export default defineConfig({
  build: {
    ssr: true,
    outDir: fileURLToPath(new URL('../dist/bench', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: {
        run: fileURLToPath(new URL('./run.ts', import.meta.url)),
        'extract-one': fileURLToPath(new URL('./extract-one.ts', import.meta.url)),
        'scan-one-thread': fileURLToPath(new URL('./scan-one-thread.ts', import.meta.url)),
        'check-core': fileURLToPath(new URL('./check-core.ts', import.meta.url)),
      },
      output: { entryFileNames: '[name].js', format: 'es' },
    },
  },
});
