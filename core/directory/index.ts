// The official directory: IT's export in, a compact hosted file out, lookups by address and name.
export * from './types';
export { nameKeys, foldedNameKey, nameSyllables } from './names';
export { compactDirectory, serializeDirectory, parseCompactDirectory, DirectoryFormatError, DIRECTORY_FORMAT, type CompactDirectory } from './compact';
export { DirectoryIndex, loadDirectory, MIN_NAME_SYLLABLES } from './lookup';
export { parseDirectorySource, type DirectoryRowError, type DirectorySourceResult } from './source';
export { fetchDirectory, DIRECTORY_REFRESH_MS, type CachedDirectory, type DirectoryStore, type FetchFn } from './fetch';
