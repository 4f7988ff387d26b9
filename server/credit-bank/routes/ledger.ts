import { compensateBody, ledgerEntry, ledgerListQuery, ledgerPage, seqParams } from '../../../contracts/credit-bank.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { compensateEntry, listLedger } from '../repository/ledger.ts';
import { who } from './accounts.ts';

const tags = ['credit-bank'];

export const ledgerRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/credit-bank/ledger',
    tags,
    access: { resource: 'creditLedger', action: 'read' },
    summary: '学分账目（按序号翻页，含哈希链）',
    query: ledgerListQuery,
    response: ledgerPage,
    handler: ({ services, access, query }) => listLedger(services.database.db, access, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/credit-bank/ledger/:seq/compensate',
    tags,
    access: { resource: 'creditLedger', action: 'compensate' },
    status: 201,
    summary: '冲正一条账目（追加相反条目，原条目不变）',
    params: seqParams,
    body: compensateBody,
    response: ledgerEntry,
    handler: (ctx) => ctx.write((tx, audit) => compensateEntry(tx, audit, ctx.access, ctx.params.seq, ctx.body, who(ctx))),
  }),
];
