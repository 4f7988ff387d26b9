import { useQuery } from '@tanstack/react-query';
import { Alert, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DrillResult } from '../../../../contracts/cockpit.ts';
import { get } from '../../api/client.ts';

export interface DrillTarget {
  code: string;
  districtId?: string | null;
  cluster?: string;
  title: string;
}

/** The records behind a cockpit number, paged, in the viewer's scope (the server decides what it may see). */
export function DrillModal({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['cockpit-drill', target, page],
    enabled: target !== null,
    queryFn: () =>
      get<DrillResult>(`/api/cockpit/drill/${target!.code}`, {
        districtId: target!.districtId ?? undefined,
        cluster: target!.cluster,
        page,
        pageSize: 20,
      }),
  });
  return (
    <Modal
      open={target !== null}
      onCancel={() => {
        setPage(1);
        onClose();
      }}
      footer={null}
      width={960}
      title={target?.title}
      destroyOnHidden
    >
      {q.error && <Alert type="error" showIcon message={q.error.message} />}
      {q.data && (
        <Typography.Paragraph type="secondary">
          口径：{q.data.basis}（共 {q.data.total} 条）
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey={(r) => String(r.id ?? JSON.stringify(r))}
        loading={q.isPending}
        scroll={{ x: 'max-content' }}
        dataSource={q.data?.items}
        pagination={{ current: page, pageSize: 20, total: q.data?.total, showSizeChanger: false, onChange: setPage }}
        columns={(q.data?.columns ?? []).map((c) => ({
          title: c.title,
          dataIndex: c.key,
          render: (v: unknown) =>
            typeof v === 'boolean' ? <Tag color={v ? 'green' : 'default'}>{v ? '是' : '否'}</Tag> : v == null || v === '' ? '—' : String(v),
        }))}
      />
    </Modal>
  );
}
