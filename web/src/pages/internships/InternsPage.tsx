import { Alert, Card, Drawer, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ALERT_KIND_LABELS, INTERNSHIP_STATUS_LABELS, type Internship } from '../../../../contracts/internship-lifecycle.ts';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { useIsPhone } from '../../hooks/useMediaQuery.ts';
import { InternshipView } from './InternshipView.tsx';
import { useAlerts, useInternships, type Side } from './lifecycle-api.ts';

/** The school's alerts: placements missing an agreement, insurance or logs, or paid or worked against the rules. */
function Alerts({ onOpen }: { onOpen: (id: string) => void }) {
  const [kind, setKind] = useState<string>('all');
  const alerts = useAlerts({ kind: kind === 'all' ? undefined : kind, pageSize: 50 });
  if (alerts.error) return <QueryError error={alerts.error} />;
  const by = alerts.data?.byKind ?? {};
  return (
    <Card size="small" title="实习预警" style={{ marginBottom: 12 }} data-testid="alerts">
      <div style={{ overflowX: 'auto', marginBottom: 8 }}>
        <Segmented
          value={kind}
          onChange={(v) => setKind(String(v))}
          options={[
            { value: 'all', label: '全部' },
            ...Object.entries(ALERT_KIND_LABELS).map(([k, label]) => ({ value: k, label: `${label}（${by[k] ?? 0}）` })),
          ]}
        />
      </div>
      <List
        size="small"
        loading={alerts.isLoading}
        dataSource={alerts.data?.items ?? []}
        locale={{ emptyText: '暂无预警' }}
        renderItem={(a) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => onOpen(a.internshipId)}>
            <Space direction="vertical" size={0}>
              <span>
                <Tag color="red">{ALERT_KIND_LABELS[a.kind]}</Tag>
                <Typography.Text strong>{a.studentName}</Typography.Text> · {a.enterpriseName} · {a.postTitle}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.message}（{a.rule.name}，{a.rule.article}）
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

const internColumns = (side: Side): Column<Internship>[] => [
  { key: 'other', title: side === 'school' ? '实习单位' : '学校', render: (r) => (side === 'school' ? r.enterpriseName : r.schoolName) },
  { key: 'post', title: '岗位', render: (r) => r.postTitle },
  { key: 'status', title: '状态', render: (r) => <Tag>{INTERNSHIP_STATUS_LABELS[r.status]}</Tag> },
  {
    key: 'agreement',
    title: '协议',
    render: (r) => (r.agreementComplete ? <Tag color="green">已签齐</Tag> : <Tag color="orange">未签齐</Tag>),
  },
  { key: 'insurance', title: '保险', render: (r) => (r.insured ? <Tag color="green">已投保</Tag> : <Tag color="orange">未投保</Tag>) },
  { key: 'period', title: '实习期', render: (r) => `${r.startedOn ?? r.plannedStart} 至 ${r.endedOn ?? r.plannedEnd}` },
];

/** The school's or the enterprise's interns; each opens with its agreement, logs to comment and evaluations. */
export default function InternsPage() {
  const me = useMe();
  const side: Side = rolesOf(me).includes('enterprise_admin') ? 'enterprise' : 'school';
  const phone = useIsPhone();
  const [status, setStatus] = useState<string>('all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useInternships({ status: status === 'all' ? undefined : status, page, pageSize: 20 });
  return (
    <div data-testid="internship-interns">
      <div className="cj-page-head">
        <Typography.Title level={4}>{side === 'school' ? '学生实习' : '实习生'}</Typography.Title>
      </div>
      {side === 'school' && <Alerts onOpen={setOpen} />}
      <div style={{ overflowX: 'auto', marginBottom: 8 }}>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(String(v));
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            ...Object.entries(INTERNSHIP_STATUS_LABELS).map(([value, label]) => ({ value, label })),
          ]}
        />
      </div>
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<Internship>
          rowKey={(r) => r.id}
          rowTestId="intern-row"
          loading={list.isLoading}
          rows={list.data?.items ?? []}
          empty="没有符合条件的实习"
          page={page}
          pageSize={20}
          total={list.data?.total ?? 0}
          onPage={setPage}
          onRowClick={(r) => setOpen(r.id)}
          primary={{ key: 'student', title: '学生', render: (r) => <Typography.Text strong>{r.studentName}</Typography.Text> }}
          columns={internColumns(side)}
        />
      )}
      {!list.isLoading && !list.error && !list.data?.items.length && (
        <Alert type="info" showIcon message="企业接收学生后，实习会出现在这里" />
      )}
      <Drawer open={open !== null} onClose={() => setOpen(null)} width={phone ? '100%' : 1100} title="实习详情" destroyOnHidden>
        {open && <InternshipView id={open} side={side} />}
      </Drawer>
    </div>
  );
}
