/**
 * `npm run --silent ledger:verify` — recomputes the credit-bank ledger's hash chain from the first entry and
 * prints `entries=N ok`, or names the first broken entry and exits 1. Reads keyset pages, so memory stays flat
 * on any ledger size. Uses DATABASE_URL, or the embedded database in DATA_DIR (default ./data).
 */
import { CHAIN_BREAK_LABELS } from '../core/credit-bank/ledger.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db/engine.ts';
import { verifyLedger } from '../server/credit-bank/repository/ledger-verify.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
try {
  const { count, broken } = await verifyLedger(database.db);
  if (broken) {
    console.log(
      `entries=${count} broken at seq=${broken.seq}: ${broken.problem} (${CHAIN_BREAK_LABELS[broken.problem]}) expected=${broken.expected} found=${broken.found}`,
    );
    process.exitCode = 1;
  } else {
    console.log(`entries=${count} ok`);
  }
} catch (e) {
  console.error(e);
  process.exitCode = 2;
} finally {
  await database.close();
}
