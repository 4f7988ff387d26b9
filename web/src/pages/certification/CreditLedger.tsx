import { Card, Typography } from 'antd';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useEnterpriseCredit, yuan, type EnterpriseCredit } from './api.ts';

type Line = EnterpriseCredit['lines'][number];
const amount = (n: number | null) => (n === null ? '未填报' : yuan(n));

/** The enterprise's own surcharge-credit ledger (财税〔2019〕46号), computed from its yearly declarations; shown once certified. */
export function CreditLedger({ enterpriseId }: { enterpriseId: string }) {
  const q = useEnterpriseCredit(enterpriseId);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  if (!d?.lines.length) return null;
  return (
    <Card size="small" title="教育费附加、地方教育附加抵免" data-testid="credit-ledger">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        认定年度兴办职业教育的投资按{d.ratePct}%抵免当年应缴附加，不足抵免的结转以后年度（{d.source.document}
        ）。投资额与应缴附加取自本企业年度申报。
      </Typography.Paragraph>
      <ResponsiveTable<Line>
        rows={[...d.lines].reverse()}
        rowKey={(l) => String(l.year)}
        loading={q.isFetching}
        pageSize={d.lines.length}
        total={d.lines.length}
        page={1}
        onPage={() => undefined}
        empty="—"
        rowTestId="credit-line"
        primary={{ key: 'year', title: '年度', render: (l) => `${l.year}年度${l.certified ? '' : '（非认定年度）'}` }}
        columns={[
          { key: 'investment', title: '投资额', render: (l) => amount(l.investmentYuan) },
          { key: 'credit', title: '可抵免额', render: (l) => yuan(l.creditYuan) },
          { key: 'in', title: '上年结转', render: (l) => yuan(l.carriedInYuan) },
          { key: 'surcharges', title: '当年应缴附加', render: (l) => amount(l.surchargesYuan) },
          { key: 'used', title: '本年抵免', render: (l) => yuan(l.usedYuan) },
          { key: 'out', title: '结转以后年度', render: (l) => yuan(l.carriedOutYuan) },
        ]}
      />
    </Card>
  );
}
