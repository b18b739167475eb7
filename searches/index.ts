import type { Search } from 'zapier-platform-core';
import { operationsIn } from '../src/operation-folder';

/** Every search: each file of this folder, keyed by its Zapier key (the file's name). */
export default operationsIn<Search>(__dirname);
