import { Alert, Card, Col, Modal, Row, Segmented, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { useIsPhone } from '../../hooks/useMediaQuery.ts';
import { ExportButton } from '../registry/kit/ExportButton.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { SURVEY_POINT_LABELS, useFigures, useFiguresDrill, type Figures, type FiguresDrill } from './api.ts';

type By = Figures['by'];
type Measure = 'retention' | 'progression';
type Rate = Figures['rows'][number]['retention'];
type BreakdownRow = Figures['rows'][number];

const pct = (r: Rate) => (r.value === null ? '—' : `${r.value}%`);
const parts = (r: Rate) => `${r.numerator} / ${r.denominator}`;
const TITLES: Record<Measure, string> = { retention: '职业院校毕业生留郑率', progression: '中职毕业生升学率' };

/**
 * 留郑率与中职升学率 (the bureau, departments, districts): both headline figures computed from the graduates'
 * destinations, per graduation year, broken down by school, major, district or cluster; a figure opens the
 * graduates behind it (names masked), counted ones first.
 */
export default function FiguresPage() {
  const phone = useIsPhone();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [by, setBy] = useState<By>('school');
  const [drill, setDrill] = useState<{ measure: Measure; key?: string | null; name: string } | null>(null);
  const [drillPage, setDrillPage] = useState(1);
  const q = useFigures({ graduationYear: year, by });
  const shown = q.data?.graduationYear ?? undefined;
  const d = useFiguresDrill(
    drill && shown
      ? {
          measure: drill.measure,
          graduationYear: shown,
          ...(drill.key !== undefined ? { by, key: drill.key ?? '' } : {}),
          page: drillPage,
          pageSize: 20,
        }
      : null,
  );
  const open = (measure: Measure, row?: BreakdownRow) => {
    setDrillPage(1);
    setDrill({ measure, key: row ? row.key : undefined, name: row?.name ?? '全部' });
  };
  const headline = (m: Measure) => {
    const f = q.data?.[m];
    return (
      <Col xs={24} md={12}>
        <Card size="small" hoverable onClick={() => open(m)} data-testid={`figure-${m}`}>
          <Statistic
            title={`${TITLES[m]}（${shown ?? '—'}届，${f ? SURVEY_POINT_LABELS[f.surveyPoint] : ''}）`}
            value={f?.value ?? '—'}
            suffix={f?.value !== null && f?.value !== undefined ? '%' : undefined}
          />
          <Space wrap size={4} style={{ marginTop: 4 }}>
            <Tag>{f ? `${f.numerator} / ${f.denominator} 人` : '—'}</Tag>
            {f && <Tag color={f.value !== null && f.value >= f.target ? 'green' : 'orange'}>2025年目标 ≥ {f.target}%</Tag>}
            {f && <Tag>《实施方案》{f.article}</Tag>}
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {f?.definition}
          </Typography.Paragraph>
        </Card>
      </Col>
    );
  };
  const primary: Column<BreakdownRow> = { key: 'name', title: '分组', render: (r) => r.name };
  const columns: Column<BreakdownRow>[] = [
    {
      key: 'ret',
      title: '留郑率',
      align: 'right',
      render: (r) => (
        <Typography.Link onClick={() => open('retention', r)}>
          {pct(r.retention)}（{parts(r.retention)}）
        </Typography.Link>
      ),
    },
    {
      key: 'prog',
      title: '中职升学率',
      align: 'right',
      render: (r) =>
        r.progression.denominator ? (
          <Typography.Link onClick={() => open('progression', r)}>
            {pct(r.progression)}（{parts(r.progression)}）
          </Typography.Link>
        ) : (
          '—'
        ),
    },
  ];
  const drillColumns: Column<FiguresDrill['items'][number]>[] = [
    { key: 'school', title: '学校', render: (x) => x.schoolName },
    { key: 'major', title: '专业', render: (x) => x.majorName ?? '—' },
    { key: 'cat', title: '去向', render: (x) => x.categoryName },
    { key: 'place', title: '单位或学校（地点）', render: (x) => x.place },
    { key: 'counted', title: '计入分子', render: (x) => (x.counted ? <Tag color="green">是</Tag> : <Tag>否</Tag>) },
  ];
  return (
    <div data-testid="graduate-figures">
      <div className="cj-page-head">
        <Typography.Title level={4}>毕业去向与留郑率</Typography.Title>
        <ExportButton path="/api/exports/graduate-figures" query={{ graduationYear: year, by }} />
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 150 }}
          value={year ?? shown}
          placeholder="毕业年份"
          onChange={setYear}
          options={(q.data?.years ?? []).map((y) => ({ value: y.graduationYear, label: `${y.graduationYear}届` }))}
        />
        <Segmented
          value={by}
          onChange={(v) => setBy(v as By)}
          options={[
            { value: 'school', label: '按学校' },
            { value: 'major', label: '按专业' },
            { value: 'district', label: '按区县' },
            { value: 'cluster', label: '按产业集群' },
          ]}
        />
      </Space>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {headline('retention')}
            {headline('progression')}
          </Row>
          {q.data && q.data.years.length > 1 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={`历届：${q.data.years.map((y) => `${y.graduationYear}届 留郑率${pct(y.retention)}、中职升学率${pct(y.progression)}`).join('；')}`}
            />
          )}
          <ResponsiveTable<BreakdownRow>
            rows={q.data?.rows ?? []}
            rowKey={(r) => r.key ?? 'none'}
            primary={primary}
            columns={columns}
            loading={q.isLoading}
            pageSize={20}
            empty="该届尚无毕业去向数据"
            rowTestId="figures-row"
          />
        </>
      )}
      <Modal
        open={!!drill}
        onCancel={() => setDrill(null)}
        footer={null}
        width={phone ? '100%' : 900}
        title={drill ? `${TITLES[drill.measure]} · ${drill.name}（${shown}届）` : ''}
      >
        {d.error ? (
          <QueryError error={d.error} onRetry={() => void d.refetch()} />
        ) : (
          <ResponsiveTable<FiguresDrill['items'][number]>
            rows={d.data?.items ?? []}
            rowKey={(x) => x.id}
            primary={{ key: 'name', title: '姓名（脱敏）', render: (x) => x.name }}
            columns={drillColumns}
            loading={d.isLoading}
            total={d.data?.total}
            page={drillPage}
            onPage={setDrillPage}
            pageSize={20}
            empty="没有毕业生"
            rowTestId="figures-drill-row"
          />
        )}
      </Modal>
    </div>
  );
}
