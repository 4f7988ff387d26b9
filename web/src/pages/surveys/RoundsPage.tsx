import { todayOf } from '../../../../core/calendar.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Progress, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, post } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { KEY, rate, useRounds, type SurveyRound } from './api.ts';

const KIND_OPTIONS = [
  { value: 'student_satisfaction', label: '在校生满意度调查' },
  { value: 'graduate_satisfaction', label: '毕业生满意度调查' },
  { value: 'employer_satisfaction', label: '用人单位满意度调查' },
];

/**
 * 满意度调查 (the bureau, departments, districts, schools): the rounds in the caller's scope with their response
 * rates (a school: its own invited and answers, also in the bureau's rounds); the bureau opens city-wide rounds,
 * a school rounds for its own students, graduates and partner employers.
 */
export default function RoundsPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const q = useRounds({ year });
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const thisYear = Number(todayOf(new Date()).slice(0, 4));
  return (
    <div data-testid="survey-rounds">
      <div className="cj-page-head">
        <Typography.Title level={4}>满意度调查</Typography.Title>
        {q.data?.canOpen && (
          <Button type="primary" onClick={() => setOpening(true)} data-testid="survey-open">
            开启调查
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">
        多元质量评价的满意度调查（郑政办〔2023〕38号 三 18）。问卷匿名，每人一次；答卷少于 {q.data?.minResponses ?? '—'}{' '}
        份的学校只显示“样本不足”。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部年度"
          style={{ width: 140 }}
          value={year}
          onChange={setYear}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年度` }))}
        />
      </Space>
      <ResponsiveTable<SurveyRound>
        rows={q.data?.items ?? []}
        rowKey={(r) => r.id}
        loading={q.isLoading}
        pageSize={20}
        rowTestId="survey-round-row"
        empty="暂无调查"
        onRowClick={(r) => navigate(`/surveys/rounds/${r.id}`)}
        primary={{ key: 'title', title: '调查', render: (r) => <Typography.Link>{r.title}</Typography.Link> }}
        columns={[
          { key: 'scope', title: '范围', render: (r) => r.scopeName },
          { key: 'status', title: '状态', render: (r) => (r.status === 'open' ? <Tag color="blue">进行中</Tag> : <Tag>已结束</Tag>) },
          { key: 'closes', title: '截止日期', render: (r) => r.closesOn },
          { key: 'invited', title: '邀请', align: 'right', render: (r) => r.invited.toLocaleString('zh-CN') },
          { key: 'responses', title: '已答', align: 'right', render: (r) => r.responses.toLocaleString('zh-CN') },
          {
            key: 'rate',
            title: '应答率',
            render: (r) =>
              r.responseRate === null ? '—' : <Progress percent={r.responseRate} size="small" format={() => rate(r.responseRate)} />,
          },
        ]}
      />
      <OpenRound open={opening} onClose={() => setOpening(false)} />
    </div>
  );
}

function OpenRound({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (v: { kind: string; year: number; closesOn: Dayjs; title?: string }) =>
      post<SurveyRound>('/api/surveys/rounds', {
        kind: v.kind,
        year: v.year,
        closesOn: v.closesOn.format('YYYY-MM-DD'),
        title: v.title || undefined,
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: [KEY] });
      void message.success(`已向 ${r.invited} 位调查对象发送问卷`);
      onClose();
      navigate(`/surveys/rounds/${r.id}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Modal
      open={open}
      title="开启调查"
      okText="开启并发送问卷"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: Number(todayOf(new Date()).slice(0, 4)) }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="kind" label="调查类型" rules={[{ required: true, message: '请选择调查类型' }]}>
          <Select options={KIND_OPTIONS} data-testid="survey-kind" />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="closesOn" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label="标题（选填，默认按年度和类型生成）">
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
