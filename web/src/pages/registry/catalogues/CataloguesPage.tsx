import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CatalogueEdition, OccupationList } from '../../../../../contracts/catalogues.ts';
import { get } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';

const KIND_LABELS: Record<CatalogueEdition['kind'], string> = {
  major: '职业教育专业目录',
  industry: '国民经济行业分类',
  occupation: '职业分类大典',
  division: '行政区划',
};
const LEVEL_LABELS: Record<OccupationList['items'][number]['level'], string> = {
  major: '大类',
  middle: '中类',
  minor: '小类',
  occupation: '细类（职业）',
};

/** A hand-checked subset is never mistaken for the published catalogue: it carries this tag wherever it is shown. */
const DemoTag = ({ edition }: { edition: Pick<CatalogueEdition, 'isDemoSubset'> }) =>
  edition.isDemoSubset ? <Tag color="orange">演示子集</Tag> : <Tag color="green">完整版</Tag>;

/**
 * The reference catalogues the register checks against, with their editions (complete or demo subset), and
 * the 职业分类大典 look-up. Read-only: catalogues are loaded from the published files (npm run catalogues:load).
 */
export default function CataloguesPage() {
  const [q, setQ] = useState('');
  const editions = useQuery({
    queryKey: ['/api/catalogues'],
    queryFn: ({ signal }) => get<{ items: CatalogueEdition[] }>('/api/catalogues', undefined, { signal }),
  });
  const occupations = useQuery({
    queryKey: ['/api/catalogues/occupations', q],
    queryFn: ({ signal }) => get<OccupationList>('/api/catalogues/occupations', q ? { q } : undefined, { signal }),
  });
  const occ = occupations.data?.edition;
  return (
    <div data-testid="registry-catalogues">
      <div className="cj-page-head cj-list-head">
        <Typography.Title level={3}>参考目录</Typography.Title>
        <Typography.Text type="secondary">
          登记所依据的国家目录及其版本；由管理员用 npm run catalogues:load 从公布的表格载入
        </Typography.Text>
      </div>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title="已载入的版本">
          {editions.isPending && <Skeleton active />}
          {editions.error && <QueryError error={editions.error} onRetry={() => void editions.refetch()} />}
          {editions.data && (
            <Table<CatalogueEdition>
              rowKey={(e) => `${e.kind}:${e.edition}`}
              dataSource={editions.data.items}
              pagination={false}
              size="small"
              scroll={{ x: true }}
              columns={[
                { title: '目录', dataIndex: 'kind', render: (k: CatalogueEdition['kind']) => KIND_LABELS[k] },
                { title: '版本', dataIndex: 'title' },
                { title: '完整性', key: 'demo', render: (_, e) => <DemoTag edition={e} /> },
                // Divisions are kept as organisations, not catalogue entries: no count to show.
                { title: '条目数', dataIndex: 'entries', align: 'right', render: (n: number, e) => (e.kind === 'division' ? '—' : n) },
              ]}
            />
          )}
        </Card>
        <Card
          title={<Space wrap>职业分类大典{occ && <DemoTag edition={occ} />}</Space>}
          extra={
            <Input.Search
              allowClear
              placeholder="代码或名称，如 2-02"
              onSearch={setQ}
              onChange={(e) => !e.target.value && setQ('')}
              style={{ maxWidth: 220 }}
            />
          }
        >
          {occ?.isDemoSubset && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message="演示子集：只含2022年版大典的8个大类，不是完整的职业分类"
              description="中类、小类和职业须载入人力资源社会保障部公布的表格后才有：npm run catalogues:load -- --occupations 文件 [--edition 2022]"
            />
          )}
          {occupations.error && <QueryError error={occupations.error} onRetry={() => void occupations.refetch()} />}
          {occupations.data && !occ && <Alert type="info" message="尚未载入职业分类大典" />}
          {occ && (
            <Table
              rowKey="code"
              dataSource={occupations.data?.items}
              loading={occupations.isFetching}
              size="small"
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: '代码', dataIndex: 'code', width: 120 },
                { title: '名称', dataIndex: 'name' },
                { title: '层级', dataIndex: 'level', width: 110, render: (l: keyof typeof LEVEL_LABELS) => LEVEL_LABELS[l] },
              ]}
            />
          )}
        </Card>
      </Space>
    </div>
  );
}
