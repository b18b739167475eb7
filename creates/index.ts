import type { Create } from 'zapier-platform-core';
import { operationsIn } from '../src/operation-folder';

/** Every create: each file of this folder, keyed by its Zapier key (the file's name). */
export default operationsIn<Create>(__dirname);
