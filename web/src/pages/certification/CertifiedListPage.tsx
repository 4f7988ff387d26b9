import { Alert, Skeleton, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { PublicShell } from '../directory/PublicShell.tsx';
import { useCertified, type CertifiedList } from './api.ts';

type Row = CertifiedList['items'][number];
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
          <ResponsiveTable<Row>
            rows={q.data.items}
            rowKey={(r) => r.uscc}
            pageSize={50}
            empty="暂无产教融合型企业"
            rowTestId="certified-row"
            primary={{ key: 'name', title: '企业名称', render: (r) => r.enterpriseName }}
            columns={[
              { key: 'level', title: '级别', render: (r) => LEVEL_LABELS[r.level] },
              { key: 'district', title: '区域', render: (r) => r.districtName ?? '—' },
              { key: 'doc', title: '认定文号', render: (r) => r.documentNo ?? '—' },
              { key: 'on', title: '认定日期', render: (r) => r.certifiedOn },
              {
                key: 'valid',
                title: '有效期至',
                render: (r) => (r.inNotice ? <Tag color="cyan">公示中，至{r.objectionUntil}</Tag> : r.validUntil),
              },
            ]}
          />
        )}
      </div>
    </PublicShell>
  );
}
