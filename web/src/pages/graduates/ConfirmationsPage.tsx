import { useQueryClient } from '@tanstack/react-query';
import { Button, message, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { CONFIRMATION_LABELS, KEY, SURVEY_POINT_LABELS, useConfirmations, type Confirmation } from './api.ts';

type Filter = 'pending' | 'confirmed' | 'denied' | 'all';

/** 毕业生就业确认 (an enterprise): graduates their schools record as employed here, to confirm or deny. */
export default function ConfirmationsPage() {
  const [filter, setFilter] = useState<Filter>('pending');
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<string | null>(null);
  const qc = useQueryClient();
  const q = useConfirmations({ confirmation: filter === 'all' ? undefined : filter, page, pageSize: 20 });
  const decide = async (c: Confirmation, confirmed: boolean) => {
    setBusy(c.id);
    try {
      await post(`/api/graduate-confirmations/${c.id}`, { version: c.version, confirmed });
      void message.success(confirmed ? '已确认' : '已否认，学校将核实');
      await qc.invalidateQueries({ queryKey: [KEY] });
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const primary: Column<Confirmation> = { key: 'name', title: '姓名', render: (c) => c.name };
  const columns: Column<Confirmation>[] = [
    { key: 'school', title: '毕业学校', render: (c) => c.schoolName },
    { key: 'major', title: '专业', render: (c) => c.majorName ?? '—' },
    { key: 'year', title: '毕业年份', render: (c) => `${c.graduationYear}届 · ${SURVEY_POINT_LABELS[c.surveyPoint]}` },
    { key: 'category', title: '去向', render: (c) => c.categoryName },
    {
      key: 'state',
      title: '状态',
      render: (c) => (
        <Tag color={c.confirmation === 'confirmed' ? 'green' : c.confirmation === 'denied' ? 'red' : 'gold'}>
          {CONFIRMATION_LABELS[c.confirmation]}
        </Tag>
      ),
    },
    {
      key: 'act',
      title: '',
      render: (c) =>
        c.confirmation === 'pending' ? (
          <Space>
            <Button size="small" type="primary" loading={busy === c.id} onClick={() => void decide(c, true)} data-testid="confirm-yes">
              确认在本单位就业
            </Button>
            <Button size="small" danger disabled={busy === c.id} onClick={() => void decide(c, false)}>
              不是本单位员工
            </Button>
          </Space>
        ) : null,
    },
  ];
  return (
    <div data-testid="graduate-confirmations">
      <div className="cj-page-head">
        <Typography.Title level={4}>毕业生就业确认</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">
        学校登记以下毕业生在本单位就业。请核实：确认后计入毕业去向统计；否认的由学校重新核实。
      </Typography.Paragraph>
      <Segmented
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={(v) => (setFilter(v as Filter), setPage(1))}
        options={[
          { value: 'pending', label: '待确认' },
          { value: 'confirmed', label: '已确认' },
          { value: 'denied', label: '已否认' },
          { value: 'all', label: '全部' },
        ]}
      />
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ResponsiveTable<Confirmation>
          rows={q.data?.items ?? []}
          rowKey={(c) => c.id}
          primary={primary}
          columns={columns}
          loading={q.isLoading}
          total={q.data?.total}
          page={page}
          onPage={setPage}
          pageSize={20}
          empty="没有需要确认的毕业生"
          rowTestId="confirmation-row"
        />
      )}
    </div>
  );
}
