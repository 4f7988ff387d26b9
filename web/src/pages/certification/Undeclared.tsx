import { Card } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useUndeclared, type UndeclaredPage } from './api.ts';

type Row = UndeclaredPage['items'][number];

/** 未申报企业: enterprises above designated size in the caller's scope that have not declared `year`. */
export function Undeclared({ year }: { year: number }) {
  const [page, setPage] = useState(1);
  const q = useUndeclared({ year, page, pageSize: 10 });
  return (
    <Card
      size="small"
      title={`${year}年度未申报的规模以上企业（${q.data?.total ?? 0}家）`}
      style={{ marginTop: 12 }}
      data-testid="undeclared"
    >
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ResponsiveTable<Row>
          rows={q.data?.items ?? []}
          rowKey={(r) => r.enterpriseId}
          loading={q.isFetching}
          pageSize={10}
          total={q.data?.total ?? 0}
          page={page}
          onPage={setPage}
          empty="均已申报"
          rowTestId="undeclared-row"
          primary={{ key: 'name', title: '企业', render: (r) => r.enterpriseName }}
          columns={[
            { key: 'uscc', title: '统一社会信用代码', render: (r) => r.uscc },
            { key: 'district', title: '区域', render: (r) => r.districtName ?? '—' },
            { key: 'staff', title: '职工人数', align: 'right', render: (r) => r.staffCount },
          ]}
        />
      )}
    </Card>
  );
}
