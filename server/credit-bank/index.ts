/**
 * The credit-bank capability's public surface: what the rest of the server may use of it. Everything else in
 * server/credit-bank/ is internal (test/core/layers.test.ts keeps it so).
 */
export { openLearner, openStudentAccount } from './repository/accounts.ts';
export { issueCredential } from './repository/credentials.ts';
export { accountBalances, appendLedgerEntries } from './repository/ledger.ts';
export { issueOutcome } from './repository/outcomes.ts';
export { agreeRule, createRule } from './repository/rules.ts';
export { createTransfer } from './repository/transfers.ts';
export { creditBankRoutes } from './routes/index.ts';
