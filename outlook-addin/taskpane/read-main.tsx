// Entry of dist/outlook-addin/read.js (read.html).
import { bootPane } from './boot';
import { ReadPane } from './read';

void bootPane(() => <ReadPane />);
