import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { accountPage } from '../../../../contracts/accounts.ts';
import { errorMessage, get, post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { KEY, useExperts, type ExpertPage } from './api.ts';

type Expert = ExpertPage['items'][number];

function AddExpert({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [q, setQ] = useState('');
  const accounts = useQuery({
    queryKey: [KEY, 'accounts', q],
    enabled: open && q.length > 0,
    queryFn: () => get<z.infer<typeof accountPage>>('/api/accounts', { q, pageSize: 20 }),
  });
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const add = useMutation({
    mutationFn: (v: { userId: string; title?: string; fields: string }) =>
      post('/api/experts', { userId: v.userId, title: v.title || null, fields: v.fields.split(/[,，、\s]+/).filter(Boolean) }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.success('已纳入专家库');
      onClose();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Modal
      open={open}
      title="纳入评审专家库"
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
        <Form.Item name="userId" label="账号（学校、企业或机关工作人员）" rules={[{ required: true, message: '请选择账号' }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            placeholder="输入姓名或用户名搜索"
            options={(accounts.data?.items ?? [])
              .filter((a) => a.role !== 'student' && a.role !== 'learner')
              .map((a) => ({ value: a.id, label: `${a.displayName}（${a.organisationName}）` }))}
          />
        </Form.Item>
        <Form.Item name="title" label="职称">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="fields"
          label="专业领域（产业集群代码，多个用逗号分隔）"
          rules={[{ required: true, message: '至少填写一个专业领域' }]}
        >
          <Input maxLength={200} placeholder="equipment, ai" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 评审专家库: the bureau's pool, with each expert's open and finished reviews. */
export default function ExpertsPage() {
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useExperts(page);
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div data-testid="experts-page">
      <div className="cj-page-head" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4}>评审专家库</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          纳入专家
        </Button>
      </div>
      <Card size="small">
        <ResponsiveTable<Expert>
          rows={list.data?.items ?? []}
          loading={list.isLoading}
          total={list.data?.total}
          page={page}
          onPage={setPage}
          pageSize={20}
          rowKey={(e) => e.id}
          rowTestId="expert-row"
          empty="专家库为空"
          primary={{ key: 'name', title: '专家', render: (e) => <Typography.Text strong>{e.displayName}</Typography.Text> }}
          columns={[
            { key: 'org', title: '所在单位', render: (e) => e.organisationName ?? e.affiliation ?? '—' },
            { key: 'title', title: '职称', render: (e) => e.title ?? '—' },
            {
              key: 'fields',
              title: '专业领域',
              render: (e) => (
                <Space size={2} wrap>
                  {e.fields.map((f) => (
                    <Tag key={f}>{f}</Tag>
                  ))}
                </Space>
              ),
            },
            { key: 'load', title: '待评 / 已评', align: 'right', render: (e) => `${e.pending} / ${e.submitted}` },
            { key: 'active', title: '状态', render: (e) => (e.active ? <Tag color="green">在库</Tag> : <Tag>停用</Tag>) },
          ]}
        />
      </Card>
      <AddExpert open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}
