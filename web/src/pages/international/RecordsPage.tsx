import { todayOf } from '../../../../core/calendar.ts';
import { Button, Card, Col, Row, Segmented, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { INTERNATIONAL_KIND_LABELS } from '../../../../core/international/records.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { ExportButton } from '../registry/kit/ExportButton.tsx';
import { STATUS_COLORS, useRecords, type InternationalRecord } from './api.ts';
import { RecordDrawer } from './RecordDrawer.tsx';
import { RecordForm } from './RecordForm.tsx';

type Status = InternationalRecord['status'] | 'all';

/**
 * 国际交流与合作 (二 (四) 13): a school or enterprise records its exchanges, recognitions, competitions and 鲁班工坊
 * with evidence; the bureau verifies them (only verified records count toward the plan's 15 international projects);
 * districts and departments read those in their scope. Records awaiting the bureau come first.
 */
export default function RecordsPage() {
  const thisYear = Number(todayOf(new Date()).slice(0, 4));
  const [year, setYear] = useState<number | undefined>(undefined);
  const [kind, setKind] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<Status>('all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const filter = { year, kind, status: status === 'all' ? undefined : status };
  const q = useRecords({ ...filter, page, pageSize: 20 });
  const d = q.data;
  const primary: Column<InternationalRecord> = { key: 'title', title: '名称', render: (r) => r.title };
  const columns: Column<InternationalRecord>[] = [
    { key: 'kind', title: '类型', render: (r) => r.kindLabel },
    { key: 'org', title: '登记单位', render: (r) => r.organisationName },
    { key: 'country', title: '合作国家（地区）', render: (r) => r.country },
    { key: 'detail', title: '内容', render: (r) => r.detail },
    { key: 'started', title: '开始日期', render: (r) => r.startedOn },
    { key: 'status', title: '状态', render: (r) => <Tag color={STATUS_COLORS[r.status]}>{r.statusLabel}</Tag> },
  ];
  return (
    <div data-testid="international-page">
      <div className="cj-page-head">
        <Typography.Title level={4}>国际交流与合作</Typography.Title>
        <Space wrap>
          {d?.canEnter && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="international-add">
              登记
            </Button>
          )}
          <ExportButton path="/api/exports/international-records" query={filter} />
        </Space>
      </div>
      <Typography.Paragraph type="secondary">
        师生交流、职业资格互认、国际技能大赛、鲁班工坊须上传佐证材料，经市教育局核验后计入“国际合作项目”目标（郑政办〔2023〕38号 二 (四)
        13）。
      </Typography.Paragraph>
      {d && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={8}>
            <Card size="small">
              <Statistic title="待核验" value={d.byStatus.submitted} />
            </Card>
          </Col>
          <Col xs={8}>
            <Card size="small">
              <Statistic title="已核验" value={d.byStatus.verified} />
            </Card>
          </Col>
          <Col xs={8}>
            <Card size="small">
              <Statistic title="已退回" value={d.byStatus.returned} />
            </Card>
          </Col>
        </Row>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部年度"
          style={{ width: 130 }}
          value={year}
          onChange={(v) => (setYear(v), setPage(1))}
          options={[0, 1, 2, 3].map((i) => ({ value: thisYear - i, label: `${thisYear - i}年` }))}
        />
        <Select
          allowClear
          placeholder="全部类型"
          style={{ width: 130 }}
          value={kind}
          onChange={(v) => (setKind(v), setPage(1))}
          options={Object.entries(INTERNATIONAL_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Segmented
          value={status}
          onChange={(v) => (setStatus(v as Status), setPage(1))}
          options={[
            { value: 'all', label: '全部' },
            { value: 'submitted', label: '待核验' },
            { value: 'verified', label: '已核验' },
            { value: 'returned', label: '已退回' },
          ]}
        />
      </Space>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ResponsiveTable<InternationalRecord>
          rows={d?.items ?? []}
          rowKey={(r) => r.id}
          primary={primary}
          columns={columns}
          loading={q.isLoading}
          total={d?.total}
          page={page}
          onPage={setPage}
          pageSize={20}
          empty="没有国际交流合作记录"
          rowTestId="international-row"
          onRowClick={(r) => setOpen(r.id)}
        />
      )}
      {open && <RecordDrawer id={open} onClose={() => setOpen(null)} />}
      {adding && <RecordForm onClose={(id) => (setAdding(false), id && setOpen(id))} />}
    </div>
  );
}
