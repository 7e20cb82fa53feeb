import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The CLI is built for Node; its dependencies stay in node_modules and load at run time.
export default defineConfig({
  build: {
    ssr: true,
    outDir: fileURLToPath(new URL('../dist/cli', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./main.ts', import.meta.url)),
        'extract-worker': fileURLToPath(new URL('./extract-worker.ts', import.meta.url)),
      },
      output: { entryFileNames: '[name].js', format: 'es' },
    },
  },
});
