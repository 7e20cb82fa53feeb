// Entry of dist/outlook-addin/compose.js (compose.html).
import { bootPane } from './boot';
import { ComposePane } from './compose';

void bootPane(() => <ComposePane />);
