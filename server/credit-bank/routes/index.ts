import type { AnyRoute } from '../../platform/http/route.ts';
import { accountRoutes } from './accounts.ts';
import { credentialRoutes } from './credentials.ts';
import { ledgerRoutes } from './ledger.ts';
import { outcomeRoutes } from './outcomes.ts';
import { ruleRoutes } from './rules.ts';
import { statsRoutes } from './stats.ts';
import { transferRoutes } from './transfers.ts';
import { verifyRoutes } from './verify.ts';

/** 学分银行 (issue 6). Built per app so that the public verification routes get their own rate-limit window. */
export function creditBankRoutes(): AnyRoute[] {
  return [
    ...accountRoutes,
    ...outcomeRoutes,
    ...ruleRoutes,
    ...transferRoutes,
    ...ledgerRoutes,
    ...credentialRoutes,
    ...statsRoutes,
    ...verifyRoutes(),
  ];
}
