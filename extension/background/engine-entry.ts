// policy-engine.js: the background's heavy part on its own (background/engine.ts), handed to
// the background through the global it reads (lazy-parts.split.ts).
import * as engine from './engine';

(globalThis as unknown as { congvuPolicyEngine?: typeof engine }).congvuPolicyEngine = engine;
