/**
 * `npm run pii:rotate` — re-encrypts every protected value (ID numbers, phones, the credential signing keys)
 * under the current PII_KEY while the platform runs. Start every app server with the new key as PII_KEY and the
 * old one in PII_KEY_PREVIOUS first, then run this with the same settings; it prints its progress, resumes where
 * it stopped when run again, and ends by saying when the old key may be dropped.
 * With the embedded database (no DATABASE_URL) stop the platform first: PGlite has one process.
 */
import { bootstrap } from '../server/bootstrap.ts';
import { indexKeyOf } from '../server/platform/pii.ts';
import { rotatePiiKey } from '../server/personal-data/rotate.ts';

const services = await bootstrap();
const { config } = services;
try {
  let last = '';
  const result = await rotatePiiKey(services, (p) => {
    const line = `${p.done}/${p.total ?? '?'} ${p.message}`;
    if (line !== last) console.log(line);
    last = line;
  });
  console.log(`key=${result.keyId} rows=${result.rows} left=${result.left}`);
  if (result.left > 0) {
    console.log('Some values were written under an older key meanwhile (a server without the new PII_KEY?): run again.');
    process.exitCode = 1;
  } else if (config.piiKeyPrevious.length && !config.piiIndexKey) {
    const oldest = Buffer.from(config.piiKeyPrevious.at(-1)!, 'base64');
    console.log('Every value is under the current key. Before removing PII_KEY_PREVIOUS, set on every server:');
    console.log(`PII_INDEX_KEY=${indexKeyOf(oldest).toString('base64')}`);
  } else {
    console.log('Every value is under the current key: PII_KEY_PREVIOUS may be removed.');
  }
} catch (e) {
  console.error(e);
  process.exitCode = 2;
} finally {
  await services.database.close();
}
