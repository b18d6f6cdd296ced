// Run by pglite-image.setup.ts as `node --import tsx build-pglite-image.ts PATH`: a fresh in-memory PGlite,
// migrated as a server migrates its database, written to PATH as a data-directory tarball. Here, not in
// tooling/testing, because it takes @tablebook/db, which that package does not depend on.
import { createDb, migrate } from '@tablebook/db';
import { writePgliteImage } from '@tablebook/testing';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: build-pglite-image.ts PATH');

await writePgliteImage(path, async () => {
  const database = createDb('memory://');
  try {
    await migrate(database);
    // drizzle's handle on its driver: the PGlite instance itself.
    const client = (database.db as unknown as { $client: { dumpDataDir(compression: 'none'): Promise<Blob> } }).$client;
    return await client.dumpDataDir('none');
  } finally {
    await database.close();
  }
});
