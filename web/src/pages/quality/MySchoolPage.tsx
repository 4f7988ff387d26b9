import { todayOf } from '../../../../core/calendar.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { qualityCollectedPut } from '../../../../contracts/quality.ts';
import { errorMessage, put } from '../../api/client.ts';
import { useMeQuery } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { applyServerErrors, fieldRules } from '../../forms/zod.ts';
import {
  KEY,
  REASON_LABELS,
  SOURCE_LABELS,
  useCollected,
  useMonitoring,
  useRanking,
  useSchoolResult,
  valueText,
  type QualityCollectedList,
  type QualityMonitoring,
} from './api.ts';
import { SchoolResultView } from './SchoolResultView.tsx';

const rules = fieldRules(qualityCollectedPut);

/**
 * 本校质量评价 (a school): the indicators slipping this year (process monitoring, computed now from the same
 * formulas), its latest evaluation with rank and trend, and the collected indicators it enters with evidence.
 */
export default function MySchoolPage() {
  const me = useMeQuery();
  const schoolId = me.data?.roles.find((r) => r.role === 'school_admin')?.organisation.id;
  const ranking = useRanking();
  const year = ranking.data?.year;
  return (
    <div data-testid="quality-mine">
      <div className="cj-page-head">
        <Typography.Title level={4}>本校质量评价</Typography.Title>
      </div>
      <Tabs
        items={[
          { key: 'monitoring', label: '过程监测', children: <Monitoring schoolId={schoolId} /> },
          {
            key: 'result',
            label: '评价结果与排名',
            children:
              year && schoolId ? <LatestResult year={year} schoolId={schoolId} /> : <Typography.Text>尚未计算评价结果</Typography.Text>,
          },
          { key: 'collected', label: '填报指标', children: <Collected schoolId={schoolId} /> },
        ]}
      />
    </div>
  );
}

function LatestResult({ year, schoolId }: { year: number; schoolId: string }) {
  const q = useSchoolResult(year, schoolId);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return q.data ? <SchoolResultView r={q.data} /> : null;
}

type Row = QualityMonitoring['indicators'][number];

function Monitoring({ schoolId }: { schoolId: string | undefined }) {
  const q = useMonitoring(schoolId);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const m = q.data;
  const slipping = new Map((m?.slipping ?? []).map((s) => [s.code, s]));
  const primary: Column<Row> = { key: 'name', title: '指标', render: (i) => i.name };
  const columns: Column<Row>[] = [
    { key: 'value', title: '当前值', align: 'right', render: (i) => <strong>{valueText(i.value, i.unit)}</strong> },
    { key: 'previous', title: '上期', align: 'right', render: (i) => valueText(i.previous, i.unit) },
    { key: 'floor', title: '底线', align: 'right', render: (i) => valueText(i.floor, i.unit) },
    {
      key: 'state',
      title: '状态',
      render: (i) => {
        const s = slipping.get(i.code);
        return s ? (
          s.reasons.map((x) => (
            <Tag color="red" key={x}>
              {REASON_LABELS[x]}
            </Tag>
          ))
        ) : i.value === null ? (
          <Tag>暂无数据</Tag>
        ) : (
          <Tag color="green">正常</Tag>
        );
      },
    },
    { key: 'source', title: '来源', render: (i) => SOURCE_LABELS[i.source] },
  ];
  return (
    <div data-testid="quality-monitoring">
      {m && (
        <Alert
          type={m.slipping.length ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          message={
            m.slipping.length
              ? `${m.year}年度有 ${m.slipping.length} 项指标需要关注：${m.slipping.map((s) => s.name).join('、')}`
              : `${m.year}年度暂无低于底线或下滑的指标`
          }
          description={`数据截至 ${m.dataDate}，与评价使用同一算法；${m.comparedWith ? `“较上期下滑”与${m.comparedWith}相比` : '尚无可比较的上期结果'}。`}
        />
      )}
      <ResponsiveTable<Row>
        rows={m?.indicators ?? []}
        rowKey={(i) => i.code}
        primary={primary}
        columns={columns}
        loading={q.isLoading}
        empty="暂无指标"
        pageSize={50}
        rowTestId="quality-monitoring-row"
      />
    </div>
  );
}

type Item = QualityCollectedList['items'][number];

function Collected({ schoolId }: { schoolId: string | undefined }) {
  const [year, setYear] = useState(Number(todayOf(new Date()).slice(0, 4)) - 1);
  const q = useCollected(year, schoolId);
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div data-testid="quality-collected">
      <Space style={{ marginBottom: 12 }}>
        <span>年度</span>
        <InputNumber
          aria-label="填报年度"
          value={year}
          min={2023}
          max={Number(todayOf(new Date()).slice(0, 4))}
          precision={0}
          onChange={(v) => v && setYear(v)}
        />
      </Space>
      <Typography.Paragraph type="secondary">
        平台能够根据已有数据计算的指标不需要填报；以下指标由本校填报一次，须注明佐证材料，修改留有记录。
      </Typography.Paragraph>
      {(q.data?.items ?? []).map((i) => (
        <CollectedForm key={`${year}-${i.code}`} item={i} year={year} schoolId={schoolId!} />
      ))}
    </div>
  );
}

function CollectedForm({ item, year, schoolId }: { item: Item; year: number; schoolId: string }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onFinish = async (v: { value: number; evidence: string }) => {
    setBusy(true);
    setError(null);
    try {
      await put(`/api/quality/collected/${year}/${schoolId}/${item.code}`, { ...v, version: item.version ?? undefined });
      await qc.invalidateQueries({ queryKey: [KEY] });
    } catch (e) {
      const rest = applyServerErrors(form, e, ['value', 'evidence']);
      setError(Object.keys(rest).length ? Object.values(rest).join('；') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={`${item.name}（${item.unit}）`}>
      {item.updatedAt && (
        <Typography.Paragraph type="secondary">{`${item.enteredByName ?? ''} 于 ${item.updatedAt} 填报`}</Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ value: item.value ?? undefined, evidence: item.evidence ?? '' }}
        onFinish={(v) => void onFinish(v)}
        disabled={!item.canEnter}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="value" label="数值" rules={[{ required: true, message: '请填写数值' }, ...(rules.value ?? [])]}>
          <InputNumber min={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="evidence" label="佐证材料" rules={[{ required: true, message: '请说明佐证材料' }, ...(rules.evidence ?? [])]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {item.canEnter && (
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
        )}
      </Form>
    </Card>
  );
}
