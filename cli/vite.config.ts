import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const ADDIN = fileURLToPath(new URL('../dist/outlook-addin', import.meta.url));
const BUNDLED_ADDIN = fileURLToPath(new URL('../dist/cli/outlook-addin', import.meta.url));

/**
 * `policy build --addin-url` writes the add-in's files into the kit: they travel with the CLI
 * bundle. Built without them, the CLI still scans; the kit then says to run `npm run build`.
 */
const bundleAddin: Plugin = {
  name: 'bundle-outlook-addin',
  closeBundle() {
    if (existsSync(`${ADDIN}/launchevent.js`)) cpSync(ADDIN, BUNDLED_ADDIN, { recursive: true });
    else this.warn(`${ADDIN} is not built: \`policy build --addin-url\` will ask for \`npm run build\``);
  },
};

// The CLI is built for Node; its dependencies stay in node_modules and load at run time.
export default defineConfig({
  plugins: [bundleAddin],
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
