import { Alert, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { lastYear, useMissingReports, type MissingReports as Missing } from './api.ts';
import { LEVEL_LABELS } from './labels.ts';

type Row = Missing['items'][number];

/** 未报送年度报告: certified enterprises that owe a year's report, past due or not, with what the policy says follows. */
export function MissingReports() {
  const [year, setYear] = useState(lastYear());
  const q = useMissingReports({ year });
  const d = q.data;
  return (
    <Card
      size="small"
      title="未报送年度报告的产教融合型企业"
      data-testid="missing-reports"
      extra={
        <Select
          size="small"
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={[0, 1, 2].map((i) => ({ value: lastYear() - i, label: `${lastYear() - i}年度` }))}
        />
      }
      style={{ marginBottom: 12 }}
    >
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type={d.overdue && d.items.length ? 'error' : 'info'}
            message={
              d.overdue
                ? `${d.year}年度报告应于${d.dueOn}前报送，${d.items.length}家逾期未报送`
                : `${d.year}年度报告应于${d.dueOn}前报送，尚有${d.items.length}家未报送`
            }
            description={<Typography.Text type="secondary">{d.consequence}</Typography.Text>}
          />
          <ResponsiveTable<Row>
            rows={d.items}
            rowKey={(r) => r.caseId}
            loading={q.isFetching}
            pageSize={d.items.length || 1}
            total={d.items.length}
            page={1}
            onPage={() => undefined}
            empty="均已报送"
            rowTestId="missing-row"
            primary={{ key: 'name', title: '企业', render: (r) => r.enterpriseName }}
            columns={[
              { key: 'district', title: '区域', render: (r) => r.districtName ?? '—' },
              { key: 'level', title: '认定', render: (r) => `${LEVEL_LABELS[r.level]} ${r.documentNo ?? ''}` },
              { key: 'valid', title: '有效期至', render: (r) => r.validUntil },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
