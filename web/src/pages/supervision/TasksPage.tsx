import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, List, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { taskDetail, taskList } from '../../../../contracts/supervision.ts';
import { get } from '../../api/client.ts';
import { useIsDesktop } from '../../hooks/useMediaQuery.ts';
import { ReportForm } from './ReportForm.tsx';
import { ReportCard } from './ReportCard.tsx';
import { RemindButton } from './RemindButton.tsx';
import { todayOf } from '../../../../core/calendar.ts';

type Tasks = z.infer<typeof taskList>;
type Task = Tasks['items'][number];
type Detail = z.infer<typeof taskDetail>;

const ROLE_TAG = { lead: <Tag color="blue">牵头</Tag>, co: <Tag>配合</Tag> };

/** The 29 tasks of the plan: who leads, who helps, this period's reports and what is overdue (三 18). */
export default function TasksPage() {
  const [mine, setMine] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const [reporting, setReporting] = useState<number | null>(null);
  const isDesktop = useIsDesktop();
  const q = useQuery({ queryKey: ['tasks', mine], queryFn: () => get<Tasks>('/api/tasks', { mine: mine ? 'true' : undefined }) });
  const detail = useQuery({
    queryKey: ['tasks', 'detail', open],
    enabled: open !== null,
    queryFn: () => get<Detail>(`/api/tasks/${open}`),
  });
  const periods = q.data ? q.data.periods.filter((p) => p.start <= todayOf(new Date())) : [];
  const act = (t: Task) =>
    t.myRole ? (
      <Button
        size="small"
        type="primary"
        onClick={(e) => {
          e.stopPropagation();
          setReporting(t.no);
        }}
      >
        报送进展
      </Button>
    ) : null;

  return (
    <div data-testid="tasks">
      <div className="cj-page-head">
        <Typography.Title level={4}>任务督导</Typography.Title>
        <Typography.Text type="secondary">
          {q.data?.document} 任务清单 · 按季度报送，期末后{q.data?.dueAfterDays ?? 15}日内 · 本期：{q.data?.currentPeriod?.label ?? '—'}
          （截止 {q.data?.currentPeriod?.due ?? '—'}）
        </Typography.Text>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Switch checked={mine} onChange={setMine} aria-label="只看本单位承担的任务" />
        只看本单位承担的任务
        <RemindButton />
      </Space>
      {q.error && <Alert type="error" showIcon message={q.error.message} />}
      {isDesktop ? (
        <Card size="small">
          <Table<Task>
            rowKey="no"
            size="small"
            loading={q.isPending}
            dataSource={q.data?.items}
            pagination={false}
            onRow={(t) => ({ onClick: () => setOpen(t.no), style: { cursor: 'pointer' } })}
            columns={[
              { title: '序号', dataIndex: 'no', width: 56 },
              {
                title: '工作任务',
                dataIndex: 'text',
                render: (v: string, t) => (
                  <>
                    <Typography.Text>{v}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t.article} · {t.area}
                    </Typography.Text>
                  </>
                ),
              },
              { title: '牵头单位', render: (_, t) => t.leadUnit.name, width: 120 },
              { title: '配合单位', render: (_, t) => t.coUnits.map((u) => u.name).join('、') || '—', width: 200 },
              { title: '本单位', render: (_, t) => (t.myRole ? ROLE_TAG[t.myRole] : '—'), width: 70 },
              { title: '本期已报', render: (_, t) => `${t.current.submitted}/${t.current.expected}`, width: 80 },
              { title: '逾期未报', dataIndex: 'overdue', width: 80, render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
              { title: '', render: (_, t) => act(t), width: 100 },
            ]}
          />
        </Card>
      ) : (
        <List
          loading={q.isPending}
          dataSource={q.data?.items}
          renderItem={(t) => (
            <Card size="small" style={{ marginBottom: 8 }} onClick={() => setOpen(t.no)}>
              <Space wrap size={4}>
                <Tag>{t.no}</Tag>
                {t.myRole && ROLE_TAG[t.myRole]}
                {t.overdue > 0 && <Tag color="red">逾期 {t.overdue}</Tag>}
              </Space>
              <Typography.Paragraph style={{ margin: '6px 0' }} ellipsis={{ rows: 3 }}>
                {t.text}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                牵头：{t.leadUnit.name} · 本期已报 {t.current.submitted}/{t.current.expected}
              </Typography.Text>
              <div style={{ marginTop: 8 }}>{act(t)}</div>
            </Card>
          )}
        />
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={isDesktop ? 720 : '100%'} title={`任务 ${open ?? ''}`}>
        {detail.data && (
          <>
            <Typography.Paragraph>{detail.data.text}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {detail.data.article} · 牵头：{detail.data.leadUnit.name}
              {detail.data.coUnits.length ? ` · 配合：${detail.data.coUnits.map((u) => u.name).join('、')}` : ''}
            </Typography.Paragraph>
            {detail.data.targets.length > 0 && (
              <Space wrap style={{ marginBottom: 12 }}>
                {detail.data.targets.map((t) => (
                  <Tag key={t.code} color="geekblue">
                    {t.name}
                  </Tag>
                ))}
              </Space>
            )}
            <Typography.Title level={5}>进展报告（{detail.data.reports.length}）</Typography.Title>
            {detail.data.reports.map((r) => (
              <ReportCard key={r.id} report={r} />
            ))}
            {!detail.data.reports.length && <Typography.Text type="secondary">暂无您可查看的报告</Typography.Text>}
          </>
        )}
      </Drawer>
      <ReportForm taskNo={reporting} periods={periods} onClose={() => setReporting(null)} />
    </div>
  );
}
