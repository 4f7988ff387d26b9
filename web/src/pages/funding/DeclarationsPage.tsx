import { Card, Col, Row, Segmented, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { ExportButton } from '../registry/kit/ExportButton.tsx';
import { GROUP_LABELS, STANDING_COLORS, useDeclarations, yuan, type Declaration } from './api.ts';

type Standing = Declaration['standing'] | 'all';

/**
 * 生均财政拨款 (the bureau, the departments, a district): each school's declaration of a year against its threshold
 * — public 高职 at or above the plan's floor, public 中职 above the 市财政局's 普高 figure — below-threshold first.
 */
export default function DeclarationsPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [standing, setStanding] = useState<Standing>('all');
  const [page, setPage] = useState(1);
  const filter = { year, standing: standing === 'all' ? undefined : standing };
  const q = useDeclarations({ ...filter, page, pageSize: 20 });
  const d = q.data;
  const primary: Column<Declaration> = { key: 'school', title: '学校', render: (r) => r.schoolName };
  const columns: Column<Declaration>[] = [
    { key: 'district', title: '所在区域', render: (r) => r.districtName ?? '—' },
    { key: 'group', title: '类别', render: (r) => (r.group ? GROUP_LABELS[r.group] : '不计入') },
    { key: 'students', title: '在校生数', align: 'right', render: (r) => r.students.toLocaleString('zh-CN') },
    { key: 'total', title: '拨款总额', align: 'right', render: (r) => yuan(r.appropriationYuan) },
    { key: 'per', title: '生均拨款', align: 'right', render: (r) => <strong>{yuan(r.perStudentYuan)}</strong> },
    { key: 'threshold', title: '比较标准', align: 'right', render: (r) => yuan(r.thresholdYuan) },
    { key: 'standing', title: '达标情况', render: (r) => <Tag color={STANDING_COLORS[r.standing]}>{r.standingLabel}</Tag> },
  ];
  const shown = d?.year ?? year;
  return (
    <div data-testid="funding-page">
      <div className="cj-page-head">
        <Typography.Title level={4}>生均财政拨款</Typography.Title>
        <ExportButton path="/api/exports/funding-declarations" query={{ ...filter, year: shown }} />
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 140 }}
          value={shown}
          onChange={(v) => (setYear(v), setPage(1))}
          options={[1, 2, 3, 4].map((i) => ({ value: thisYear - i, label: `${thisYear - i}年度` }))}
        />
        <Segmented
          value={standing}
          onChange={(v) => (setStanding(v as Standing), setPage(1))}
          options={[
            { value: 'all', label: '全部' },
            { value: 'below', label: '未达标' },
            { value: 'meets', label: '达标' },
            { value: 'noBenchmark', label: '普高数额未录入' },
          ]}
        />
      </Space>
      {d && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={12}>
            <Card size="small" title={`公办高职：生均不低于 ${yuan(d.higherFloorYuan)}`}>
              <Space size={24} wrap>
                <Statistic title="达标 / 已申报" value={`${d.summary.higher.meeting} / ${d.summary.higher.declared}`} />
                <Statistic title="在册学校" value={d.summary.higher.schools} />
              </Space>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card
              size="small"
              title={`公办中职：高于当地普高 ${d.highSchoolYuan === null ? '（市财政局尚未录入）' : yuan(d.highSchoolYuan)}`}
            >
              <Space size={24} wrap>
                <Statistic title="达标 / 已申报" value={`${d.summary.secondary.meeting} / ${d.summary.secondary.declared}`} />
                <Statistic title="在册学校" value={d.summary.secondary.schools} />
              </Space>
            </Card>
          </Col>
        </Row>
      )}
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ResponsiveTable<Declaration>
          rows={d?.items ?? []}
          rowKey={(r) => r.id}
          primary={primary}
          columns={columns}
          loading={q.isLoading}
          total={d?.total}
          page={page}
          onPage={setPage}
          pageSize={20}
          empty="该年度没有学校申报生均财政拨款"
          rowTestId="funding-row"
        />
      )}
    </div>
  );
}
