/**
 * Runs ingestInbox in a child process for the crash test: `tsx child-ingest.ts INBOX LAKE
 * REFERENCE CHUNK_CHARS`. Prints one line per file as it is settled, so the parent can kill
 * it (SIGKILL) part-way through, and `done` at the end.
 */
import { ingestInbox } from './ingest';

const [inboxDir, lakeDir, referenceDir, chunkChars] = process.argv.slice(2);
if (!inboxDir || !lakeDir || !referenceDir)
  throw new Error('usage: child-ingest.ts INBOX LAKE REFERENCE [CHUNK_CHARS]');
await ingestInbox({
  inboxDir,
  lakeDir,
  referenceDir,
  chunkChars: chunkChars ? Number(chunkChars) : undefined,
  onProgress: (e) => process.stdout.write(`${e.done} ${e.outcome} ${e.file}\n`),
});
process.stdout.write('done\n');
