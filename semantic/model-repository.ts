import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const MODEL_FILE = /\.(ya?ml|js)$/;

/**
 * Cube's FileRepository joins the model path onto process.cwd(), so an absolute
 * `schemaPath` breaks and the CLI would depend on where it was started. This reads the
 * model files from an absolute folder instead (Cube's SchemaFileRepository interface).
 */
export class ModelRepository {
  constructor(private readonly root: string) {}

  localPath(): string {
    return this.root;
  }

  async dataSchemaFiles(): Promise<{ fileName: string; content: string }[]> {
    const files: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (MODEL_FILE.test(entry.name)) files.push(full);
      }
    };
    await walk(this.root);
    files.sort();
    return Promise.all(
      files.map(async (f) => ({ fileName: relative(this.root, f), content: await readFile(f, 'utf8') })),
    );
  }
}
