import { Alert, Skeleton, Table, Tag, Typography } from 'antd';
import { PublicShell } from '../directory/PublicShell.tsx';
import { useCertified } from './api.ts';
import { LEVEL_LABELS } from './labels.ts';

/** 产教融合型企业名单, for anyone: the certified enterprises with their document and validity; those in their objection period marked. */
export default function CertifiedListPage() {
  const q = useCertified();
  return (
    <PublicShell>
      <div data-testid="certified-list">
        <Typography.Title level={3}>郑州市产教融合型企业名单</Typography.Title>
        {q.isPending && <Skeleton active />}
        {q.error && <Alert type="error" showIcon message={q.error.message} />}
        {q.data && (
          <Table
            size="small"
            rowKey="uscc"
            dataSource={q.data.items}
            pagination={{ pageSize: 50, simple: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '企业名称', dataIndex: 'enterpriseName' },
              { title: '级别', render: (_: unknown, r) => LEVEL_LABELS[r.level] },
              { title: '区域', dataIndex: 'districtName' },
              { title: '认定文号', dataIndex: 'documentNo' },
              { title: '认定日期', dataIndex: 'certifiedOn' },
              {
                title: '有效期至',
                render: (_: unknown, r) => (r.inNotice ? <Tag color="cyan">公示中，至{r.objectionUntil}</Tag> : r.validUntil),
              },
            ]}
          />
        )}
      </div>
    </PublicShell>
  );
}
