/** Optional persistence: the whole state as one JSON file, rewritten atomically after every write. */
import { existsSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { WorkspaceData } from './records';

const FORMAT_VERSION = 1;

interface DataFile {
  version: number;
  saved_at: string;
  organizations: Record<string, WorkspaceData>;
}

/** Reads a data file written by `Persister`; undefined when the file does not exist yet. */
export function loadDataFile(path: string): Record<string, WorkspaceData> | undefined {
  // Startup only, never on the request path.
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<DataFile>;
  if (parsed.version !== FORMAT_VERSION || typeof parsed.organizations !== 'object' || parsed.organizations === null) {
    throw new Error(`${path} is not a Reevo sandbox data file (version ${FORMAT_VERSION})`);
  }
  return parsed.organizations;
}

/**
 * Coalesces saves: a save requested while one is being written starts once that one ends, and
 * every caller waiting at that point shares it, so each caller's change is on disk when its
 * promise resolves.
 */
export class Persister {
  private writing: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => Record<string, WorkspaceData>,
  ) {}

  save(): Promise<void> {
    if (this.next) return this.next;
    if (!this.writing) return this.start();
    this.next = this.writing.then(
      () => this.start(),
      () => this.start(),
    );
    return this.next;
  }

  /** Resolves when nothing is being written. */
  async flush(): Promise<void> {
    while (this.writing || this.next) await (this.next ?? this.writing)?.catch(() => undefined);
  }

  private start(): Promise<void> {
    this.next = null;
    const run = this.write().finally(() => {
      if (this.writing === run) this.writing = null;
    });
    this.writing = run;
    return run;
  }

  private async write(): Promise<void> {
    const file: DataFile = {
      version: FORMAT_VERSION,
      saved_at: new Date().toISOString(),
      organizations: this.snapshot(),
    };
    const temp = `${this.path}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(file));
    await rename(temp, this.path);
  }
}
