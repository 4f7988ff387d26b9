import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Pagination, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { League, TaskReport } from '../../../../contracts/supervision.ts';
import { errorMessage, get, post } from '../../api/client.ts';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { EvidenceUploader } from './ReportForm.tsx';
import { ReportCard } from './ReportCard.tsx';

interface Page {
  items: TaskReport[];
  total: number;
}
interface Tasks {
  periods: Array<{ key: string; label: string; start: string }>;
  items: Array<{ no: number; text: string }>;
}

/** Progress reports (rating for the bureau), the district league table, and the exports. */
export default function ReportsPage() {
  const me = useMe();
  const isBureau = rolesOf(me).includes('city_admin');
  const [period, setPeriod] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [taskNo, setTaskNo] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [rating, setRating] = useState<TaskReport | null>(null);
  const [evidenceFor, setEvidenceFor] = useState<TaskReport | null>(null);
  const tasks = useQuery({ queryKey: ['tasks', false], queryFn: () => get<Tasks>('/api/tasks') });
  const reports = useQuery({
    queryKey: ['reports', period, status, taskNo, page],
    queryFn: () => get<Page>('/api/reports', { period, status, taskNo, page, pageSize: 10 }),
  });
  const league = useQuery({ queryKey: ['league', period], queryFn: () => get<League>('/api/reports/league', { period }) });
  const periodOptions = (tasks.data?.periods ?? []).map((p) => ({ value: p.key, label: p.label }));
  const q = period ? `?period=${period}` : '';

  const list = (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部任务"
          style={{ width: 200 }}
          value={taskNo}
          onChange={(v) => {
            setTaskNo(v);
            setPage(1);
          }}
          options={(tasks.data?.items ?? []).map((t) => ({ value: t.no, label: `任务${t.no} ${t.text}` }))}
          data-testid="reports-task"
        />
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: 'submitted', label: '待评分' },
            { value: 'rated', label: '已评分' },
          ]}
        />
      </Space>
      {reports.error && <Alert type="error" showIcon message={reports.error.message} />}
      {reports.data?.items.map((r) => (
        <ReportCard
          key={r.id}
          report={r}
          extra={
            <Space style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">任务 {r.taskNo}</Typography.Text>
              {isBureau && (
                <Button size="small" type="primary" onClick={() => setRating(r)}>
                  {r.status === 'rated' ? '修改评分' : '评分'}
                </Button>
              )}
              {!isBureau && r.status === 'submitted' && (
                <Button size="small" onClick={() => setEvidenceFor(r)}>
                  上传佐证材料
                </Button>
              )}
            </Space>
          }
        />
      ))}
      {reports.data && !reports.data.items.length && <Typography.Text type="secondary">暂无报告</Typography.Text>}
      <Pagination
        current={page}
        pageSize={10}
        total={reports.data?.total ?? 0}
        onChange={setPage}
        showSizeChanger={false}
        style={{ marginTop: 12 }}
      />
    </>
  );

  const table = (
    <Card size="small">
      {league.data && (
        <Typography.Paragraph type="secondary">
          依据{league.data.article}督导考核：按时报送率×{league.data.weights.timeliness}、报告质量×{league.data.weights.quality}、指标达成×
          {league.data.weights.indicators}；暂无数据的项按比例分配权重。
        </Typography.Paragraph>
      )}
      <Table
        rowKey="districtId"
        size="small"
        loading={league.isPending}
        dataSource={league.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 60 },
          { title: '区县(市)/开发区', dataIndex: 'name' },
          { title: '综合得分', dataIndex: 'total', render: fmt },
          { title: '按时报送率', dataIndex: 'timeliness', render: fmt },
          { title: '报告质量', dataIndex: 'quality', render: fmt },
          { title: '指标达成', dataIndex: 'indicators', render: fmt },
          { title: '按时/应报', render: (_, r) => `${r.onTime}/${r.dueSlots}` },
        ]}
      />
    </Card>
  );

  return (
    <div data-testid="reports">
      <div className="cj-page-head">
        <Typography.Title level={4}>进展报告与督导排名</Typography.Title>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部期次（累计）"
          data-testid="reports-period"
          style={{ width: 200 }}
          value={period}
          onChange={(v) => {
            setPeriod(v);
            setPage(1);
          }}
          options={periodOptions}
        />
        {isBureau && (
          <Button icon={<FileExcelOutlined />} href={`/api/reports/export${q}`}>
            导出Excel
          </Button>
        )}
        {isBureau && (
          <Button icon={<PrinterOutlined />} href={`/api/reports/supervision.pdf${q}`} target="_blank">
            打印督导报告
          </Button>
        )}
      </Space>
      <Tabs
        items={[
          { key: 'reports', label: '进展报告', children: list },
          { key: 'league', label: '区县排名', children: table },
        ]}
      />
      <RatingModal report={rating} onClose={() => setRating(null)} />
      <Modal open={evidenceFor !== null} title="上传佐证材料" footer={null} onCancel={() => setEvidenceFor(null)} destroyOnHidden>
        {evidenceFor && <EvidenceUploader path={`/api/reports/${evidenceFor.id}/evidence`} onDone={() => setEvidenceFor(null)} />}
      </Modal>
    </div>
  );
}

const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(1));

function RatingModal({ report, onClose }: { report: TaskReport | null; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rate = useMutation({
    mutationFn: (v: { score: number; comment?: string }) =>
      post<TaskReport>(`/api/reports/${report!.id}/rating`, { ...v, version: report!.version }),
    onSuccess: () => {
      message.success('已评分');
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      void queryClient.invalidateQueries({ queryKey: ['league'] });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal
      open={report !== null}
      title={`评分：${report?.organisationName ?? ''} · 任务${report?.taskNo ?? ''}`}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form
        layout="vertical"
        onFinish={(v) => rate.mutate(v)}
        initialValues={{ score: report?.score ?? 80, comment: report?.ratingComment ?? '' }}
      >
        <Form.Item name="score" label="评分（0–100）" rules={[{ required: true, message: '请评分' }]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="comment" label="评语">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={rate.isPending}>
          保存评分
        </Button>
      </Form>
    </Modal>
  );
}
