import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { APPLICATION_STATUS_LABELS, CALL_STATUS_LABELS } from '../../../../contracts/calls.ts';
import { errorMessage, post } from '../../api/client.ts';
import { useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { KEY, useCalls, useKinds, useMyApplications, type Call, type ApplicationRow } from './api.ts';

export const STATUS_COLORS: Record<Call['status'], string> = {
  draft: 'default',
  open: 'green',
  reviewing: 'blue',
  decided: 'gold',
  published: 'purple',
};
export const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

function NewCall({ open, onClose }: { open: boolean; onClose: () => void }) {
  const kinds = useKinds();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (v: { kind: string; title: string; description?: string; dates: [Dayjs, Dayjs]; budgetYuan: number }) =>
      post<Call>('/api/calls', {
        kind: v.kind,
        title: v.title,
        description: v.description ?? '',
        opensOn: v.dates[0].format('YYYY-MM-DD'),
        closesOn: v.dates[1].format('YYYY-MM-DD'),
        budgetYuan: v.budgetYuan,
      }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.success('申报指南已存为草稿');
      onClose();
      navigate(`/calls/${c.id}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Modal
      open={open}
      title="起草申报指南"
      okText="保存草稿"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="kind" label="项目类别（政策文件）" rules={[{ required: true, message: '请选择项目类别' }]}>
          <Select
            options={(kinds.data ?? []).map((k) => ({ value: k.code, label: `${k.name}（${k.article}）` }))}
            data-testid="call-kind"
          />
        </Form.Item>
        <Form.Item name="title" label="指南名称" rules={[{ required: true, min: 2, message: '请填写指南名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="dates" label="申报起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="budgetYuan" label="本批预算（元）" rules={[{ required: true, message: '请填写预算' }]}>
          <InputNumber min={1} step={10000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Applications the caller's organisation made or is a partner of, with a partner's confirmation. */
function MyApplications() {
  const apps = useMyApplications();
  const navigate = useNavigate();
  if (apps.error) return <QueryError error={apps.error} onRetry={() => void apps.refetch()} />;
  return (
    <Card size="small" title="本单位的申报" style={{ marginTop: 12 }}>
      <ResponsiveTable<ApplicationRow>
        rows={apps.data?.items ?? []}
        loading={apps.isLoading}
        rowKey={(a) => a.id}
        pageSize={20}
        rowTestId="call-application-row"
        empty="暂无申报"
        onRowClick={(a) => navigate(`/calls/${a.callId}`)}
        primary={{ key: 'title', title: '项目', render: (a) => <Typography.Text strong>{a.title}</Typography.Text> }}
        columns={[
          { key: 'call', title: '申报批次', render: (a) => a.callTitle },
          { key: 'applicant', title: '申报单位', render: (a) => a.applicantName },
          { key: 'status', title: '状态', render: (a) => <Tag>{APPLICATION_STATUS_LABELS[a.status]}</Tag> },
          {
            key: 'decision',
            title: '结果',
            render: (a) =>
              a.decision === 'funded' ? <Tag color="green">立项 {yuan(a.awardYuan ?? 0)}</Tag> : a.decision ? <Tag>未立项</Tag> : '—',
          },
        ]}
      />
    </Card>
  );
}

/** 项目申报: the calls (the bureau and departments draft and run theirs; schools and enterprises apply). */
export default function CallsPage() {
  const me = useMe();
  const roles = new Set(me.roles.map((m) => m.role));
  const manages = roles.has('city_admin') || roles.has('department');
  const applies = roles.has('school_admin') || roles.has('enterprise_admin') || roles.has('teacher');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useCalls(page);
  const navigate = useNavigate();
  return (
    <div data-testid="calls-page">
      <div className="cj-page-head" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4}>项目申报</Typography.Title>
        <Space wrap>
          {manages && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="call-create">
              起草申报指南
            </Button>
          )}
          <Button href="/calls/public" target="_blank">
            公开页面
          </Button>
        </Space>
      </div>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small">
          <ResponsiveTable<Call>
            rows={list.data?.items ?? []}
            loading={list.isLoading}
            total={list.data?.total}
            page={page}
            onPage={setPage}
            pageSize={20}
            rowKey={(c) => c.id}
            rowTestId="call-row"
            empty="暂无申报指南"
            onRowClick={(c) => navigate(`/calls/${c.id}`)}
            primary={{
              key: 'title',
              title: '申报指南',
              render: (c) => (
                <Space direction="vertical" size={0}>
                  <Typography.Link>{c.title}</Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.kindName} · {c.organisationName}
                  </Typography.Text>
                </Space>
              ),
            }}
            columns={[
              { key: 'status', title: '状态', render: (c) => <Tag color={STATUS_COLORS[c.status]}>{CALL_STATUS_LABELS[c.status]}</Tag> },
              { key: 'dates', title: '申报时间', render: (c) => `${c.opensOn} 至 ${c.closesOn}` },
              { key: 'budget', title: '预算', align: 'right', render: (c) => yuan(c.budgetYuan) },
              { key: 'submitted', title: '已提交', align: 'right', render: (c) => c.submitted },
              { key: 'funded', title: '立项', align: 'right', render: (c) => (c.funded ? `${c.funded} 项 / ${yuan(c.awardedYuan)}` : '—') },
            ]}
          />
        </Card>
      )}
      {applies && <MyApplications />}
      {manages && <NewCall open={creating} onClose={() => setCreating(false)} />}
    </div>
  );
}
