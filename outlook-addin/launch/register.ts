// Entry of dist/outlook-addin/launchevent.js: one ES2016 script, loaded by commands.html (new
// Outlook, Outlook on the web) and run as is by classic Outlook on Windows (manifest Override
// type="javascript"). Classic Outlook does not run Office.onReady set-up before a handler, so
// nothing here waits for it: handlers read Office when they run.
import './polyfills';
import './runtime-apis';
import { makeHandlers, type LaunchHandler } from './handlers';

const handlers = makeHandlers();

/** Bind the handlers by name: Office.actions.associate where it exists, and globalThis for older hosts. */
export function registerHandlers(table: Record<string, LaunchHandler>): void {
  const scope = globalThis as Record<string, unknown>;
  for (const [name, fn] of Object.entries(table)) {
    // Classic Outlook finds the function by its name on the global object of the JS file.
    scope[name] = fn;
    if (typeof Office !== 'undefined' && Office.actions && typeof Office.actions.associate === 'function') {
      try {
        Office.actions.associate(name, fn);
      } catch {
        // An old host without the actions API still has the global above.
      }
    }
  }
}

registerHandlers(handlers);
