import { Alert, Card, Select, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ExportButton } from '../registry/kit/ExportButton.tsx';
import { lastYear, useCredits, yearOptions, yuan, type CreditList } from './api.ts';

type Row = CreditList['items'][number];

/** 产教融合型企业附加抵免名单: the tax and finance departments' (and the bureau's) list of one year, with its export. */
export default function SurchargeCreditsPage() {
  const [year, setYear] = useState(lastYear());
  const q = useCredits({ year });
  const d = q.data;
  return (
    <div data-testid="surcharge-credits">
      <div className="cj-page-head" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4}>产教融合型企业附加抵免</Typography.Title>
        <span style={{ display: 'flex', gap: 8 }}>
          <Select value={year} onChange={setYear} options={yearOptions()} style={{ width: 140 }} />
          <ExportButton path="/api/exports/surcharge-credits" query={{ year }} />
        </span>
      </div>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          {d && (
            <Alert
              style={{ marginBottom: 12 }}
              type="info"
              message={`${d.year}年度：${d.totals.enterprises}家企业，可抵免${yuan(d.totals.creditYuan)}，已抵免${yuan(d.totals.usedYuan)}，结转以后年度${yuan(d.totals.carriedOutYuan)}`}
              description={`按认定年度兴办职业教育投资额的${d.ratePct}%抵免当年应缴教育费附加和地方教育附加，不足抵免的结转（${d.source.document}）；投资额与应缴附加取自企业年度申报。`}
            />
          )}
          <Card size="small">
            <ResponsiveTable<Row>
              rows={d?.items ?? []}
              rowKey={(r) => r.enterpriseId}
              loading={q.isFetching}
              pageSize={Math.max(d?.items.length ?? 0, 1)}
              total={d?.items.length ?? 0}
              page={1}
              onPage={() => undefined}
              empty="本年度暂无产教融合型企业"
              rowTestId="credit-row"
              primary={{ key: 'name', title: '企业', render: (r) => r.enterpriseName }}
              columns={[
                { key: 'district', title: '区域', render: (r) => r.districtName ?? '—' },
                { key: 'investment', title: '投资额', render: (r) => (r.investmentYuan === null ? '未填报' : yuan(r.investmentYuan)) },
                { key: 'credit', title: '可抵免额', render: (r) => yuan(r.creditYuan) },
                { key: 'in', title: '上年结转', render: (r) => yuan(r.carriedInYuan) },
                {
                  key: 'surcharges',
                  title: '当年应缴附加',
                  render: (r) => (r.surchargesYuan === null ? '未填报' : yuan(r.surchargesYuan)),
                },
                { key: 'used', title: '本年抵免', render: (r) => yuan(r.usedYuan) },
                { key: 'out', title: '结转', render: (r) => yuan(r.carriedOutYuan) },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
