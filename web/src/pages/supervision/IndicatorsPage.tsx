import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Switch, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import type { indicatorList, IndicatorReport } from '../../../../contracts/cockpit.ts';
import { ApiError, errorMessage, get, post, put } from '../../api/client.ts';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { EvidenceUploader } from './ReportForm.tsx';

type Indicator = z.infer<typeof indicatorList>['items'][number];
const STATUS = { submitted: <Tag>待审核</Tag>, accepted: <Tag color="green">已通过</Tag>, rejected: <Tag color="red">已退回</Tag> };

/** Indicators: how each is measured, which are public, reported values with evidence, and the bureau's review. */
export default function IndicatorsPage() {
  const me = useMe();
  const isBureau = rolesOf(me).includes('city_admin');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reporting, setReporting] = useState<Indicator | null>(null);
  const [evidenceFor, setEvidenceFor] = useState<IndicatorReport | null>(null);
  const list = useQuery({ queryKey: ['indicators'], queryFn: () => get<{ items: Indicator[] }>('/api/indicators') });
  const reports = useQuery({
    queryKey: ['indicator-reports'],
    queryFn: () => get<{ items: IndicatorReport[] }>('/api/indicators/reports', { pageSize: 100 }),
  });
  const publish = useMutation({
    mutationFn: (v: { code: string; published: boolean }) => put(`/api/indicators/${v.code}/publication`, { published: v.published }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['indicators'] }),
    onError: (e) => message.error(errorMessage(e)),
  });
  const review = useMutation({
    mutationFn: (v: { r: IndicatorReport; decision: 'accept' | 'reject' }) =>
      post(`/api/indicators/reports/${v.r.id}/review`, { decision: v.decision, version: v.r.version }),
    onSuccess: () => {
      message.success('已审核，通过的数值将在重算后计入指标');
      void queryClient.invalidateQueries({ queryKey: ['indicator-reports'] });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const recompute = useMutation({
    mutationFn: () => post('/api/indicators/recompute'),
    onSuccess: () => message.success('已开始重算指标'),
    onError: (e) => message.error(errorMessage(e)),
  });

  const indicators = (
    <Card size="small">
      <ResponsiveTable<Indicator>
        rowKey={(r) => r.code}
        rowTestId="indicator-row"
        loading={list.isPending}
        rows={list.data?.items ?? []}
        pageSize={Math.max(list.data?.items.length ?? 0, 1)}
        empty="暂无指标"
        primary={{
          key: 'name',
          title: '指标',
          render: (r) => (
            <>
              {r.name}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.article.join('；')}
              </Typography.Text>
            </>
          ),
        }}
        columns={[
          {
            key: 'method',
            title: '方式',
            render: (r) => (r.method === 'computed' ? <Tag color="blue">平台计算</Tag> : <Tag color="purple">单位填报</Tag>),
          },
          { key: 'basis', title: '口径', width: 420, render: (r) => r.basis },
          {
            key: 'published',
            title: '公开',
            render: (r) => (
              <Switch
                size="small"
                checked={r.published}
                disabled={!isBureau}
                loading={publish.isPending && publish.variables?.code === r.code}
                onChange={(published) => publish.mutate({ code: r.code, published })}
                aria-label={`公开${r.name}`}
              />
            ),
          },
          {
            key: 'act',
            title: '',
            render: (r) =>
              r.method === 'reported' ? (
                <Button size="small" onClick={() => setReporting(r)}>
                  填报
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );

  const submitted = (
    <Card size="small">
      {reports.error && <Alert type="error" showIcon message={reports.error.message} />}
      <ResponsiveTable<IndicatorReport>
        rowKey={(r) => r.id}
        rowTestId="indicator-report-row"
        loading={reports.isPending}
        rows={reports.data?.items ?? []}
        pageSize={Math.max(reports.data?.items.length ?? 0, 1)}
        empty="暂无填报"
        primary={{ key: 'name', title: '指标', render: (r) => r.name }}
        columns={[
          { key: 'org', title: '填报单位', render: (r) => r.organisationName },
          { key: 'value', title: '数值', render: (r) => r.value },
          { key: 'on', title: '统计日期', render: (r) => r.measuredOn },
          {
            key: 'evidence',
            title: '佐证材料',
            render: (r) =>
              r.evidence.map((f) => (
                <a key={f.id} href={`/api/indicators/reports/${r.id}/evidence/${f.id}`} style={{ marginRight: 8 }}>
                  {f.fileName}
                </a>
              )),
          },
          { key: 'status', title: '状态', render: (r) => STATUS[r.status] },
          {
            key: 'act',
            title: '',
            render: (r) =>
              r.status !== 'submitted' ? null : isBureau ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => review.mutate({ r, decision: 'accept' })}>
                    通过
                  </Button>
                  <Button size="small" danger onClick={() => review.mutate({ r, decision: 'reject' })}>
                    退回
                  </Button>
                </Space>
              ) : (
                <Button size="small" onClick={() => setEvidenceFor(r)}>
                  上传佐证材料
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );

  return (
    <div data-testid="indicators">
      <div className="cj-page-head">
        <Typography.Title level={4}>指标与公开统计</Typography.Title>
      </div>
      {isBureau && (
        <Space style={{ marginBottom: 12 }}>
          <Button onClick={() => recompute.mutate()} loading={recompute.isPending}>
            重算全部指标
          </Button>
          <Button href="/statistics" target="_blank">
            查看公开统计页
          </Button>
        </Space>
      )}
      <Tabs
        items={[
          { key: 'list', label: '指标定义', children: indicators },
          { key: 'reports', label: '填报记录', children: submitted },
        ]}
      />
      <ReportValueModal
        indicator={reporting}
        onClose={() => setReporting(null)}
        onSaved={(r) => {
          setReporting(null);
          setEvidenceFor(r);
          void queryClient.invalidateQueries({ queryKey: ['indicator-reports'] });
        }}
      />
      <Modal open={evidenceFor !== null} title="上传佐证材料" footer={null} onCancel={() => setEvidenceFor(null)} destroyOnHidden>
        {evidenceFor && (
          <EvidenceUploader path={`/api/indicators/reports/${evidenceFor.id}/evidence`} onDone={() => setEvidenceFor(null)} />
        )}
      </Modal>
    </div>
  );
}

function ReportValueModal({
  indicator,
  onClose,
  onSaved,
}: {
  indicator: Indicator | null;
  onClose: () => void;
  onSaved: (r: IndicatorReport) => void;
}) {
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { value: number; measuredOn: dayjs.Dayjs; note?: string }) =>
      post<IndicatorReport>(`/api/indicators/${indicator!.code}/reports`, {
        value: v.value,
        measuredOn: v.measuredOn.format('YYYY-MM-DD'),
        note: v.note || undefined,
      }),
    onSuccess: onSaved,
    onError: (e) => {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, msg]) => ({ name, errors: [msg] })));
    },
  });
  return (
    <Modal open={indicator !== null} title={`填报：${indicator?.name ?? ''}`} onCancel={onClose} footer={null} destroyOnHidden>
      {save.error && <Alert type="error" showIcon message={errorMessage(save.error)} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        {indicator?.basis}（单位：{indicator?.unit}）
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ measuredOn: dayjs() }}>
        <Form.Item name="value" label={`数值（${indicator?.unit ?? ''}）`} rules={[{ required: true, message: '请填写数值' }]}>
          <InputNumber style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="measuredOn" label="统计日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          提交并上传佐证材料
        </Button>
      </Form>
    </Modal>
  );
}
