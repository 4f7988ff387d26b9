import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { put } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';
import { useIsPhone } from '../../hooks/useMediaQuery.ts';
import { useCan } from '../registry/kit/can.ts';
import { ExportButton } from '../registry/kit/ExportButton.tsx';
import { CONFIRMATION_LABELS, destinationLine, KEY, SURVEY_POINT_LABELS, useGraduates, type Destination, type Graduate } from './api.ts';
import { DestinationForm } from './DestinationForm.tsx';

type Point = Destination['surveyPoint'];
type State = 'all' | 'missing' | 'recorded' | 'correction';

/**
 * 毕业生去向 (the school; its district and the bureau read): the school's graduates with their destination at one
 * survey point — unrecorded ones and students' corrections first — the form to record or change one, and the
 * spreadsheet import (数据导入 → 毕业去向).
 */
export default function GraduatesPage() {
  const can = useCan();
  const phone = useIsPhone();
  const mayWrite = can({ resource: 'graduateDestination', action: 'write' });
  const mayImport = can({ resource: 'import', action: 'destinations' });
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [point, setPoint] = useState<Point>('graduation');
  const [state, setState] = useState<State>('all');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Graduate | null>(null);
  const qc = useQueryClient();
  const q = useGraduates({ graduationYear: year, surveyPoint: point, state: state === 'all' ? undefined : state, page, pageSize: 20 });
  const primary: Column<Graduate> = { key: 'name', title: '姓名', render: (g) => g.name };
  const columns: Column<Graduate>[] = [
    { key: 'id', title: '身份证号', render: (g) => g.idNumberMasked },
    { key: 'school', title: '学校', render: (g) => g.schoolName },
    { key: 'major', title: '专业', render: (g) => g.majorName ?? '—' },
    { key: 'year', title: '毕业年份', render: (g) => g.graduationYear },
    {
      key: 'destination',
      title: `${SURVEY_POINT_LABELS[point]}去向`,
      render: (g) =>
        g.destination ? (
          <Space wrap size={4}>
            <span>{destinationLine(g.destination)}</span>
            {g.destination.confirmation !== 'none' && (
              <Tag color={g.destination.confirmation === 'confirmed' ? 'green' : g.destination.confirmation === 'denied' ? 'red' : 'gold'}>
                {CONFIRMATION_LABELS[g.destination.confirmation]}
              </Tag>
            )}
            {g.destination.correction && <Tag color="blue">学生申请更正</Tag>}
          </Space>
        ) : (
          <Tag>未登记</Tag>
        ),
    },
    ...(mayWrite
      ? [
          {
            key: 'act',
            title: '',
            render: (g: Graduate) => (
              <Button size="small" onClick={() => setEditing(g)} data-testid="destination-edit">
                {g.destination ? '修改' : '登记去向'}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const correction = editing?.destination?.correction as Record<string, unknown> | null | undefined;
  return (
    <div data-testid="graduates-page">
      <div className="cj-page-head">
        <Typography.Title level={4}>毕业生去向</Typography.Title>
        <Space wrap>
          {mayImport && (
            <Link to="/imports?entity=destinations">
              <Button>表格导入</Button>
            </Link>
          )}
          <ExportButton
            path="/api/exports/graduates"
            query={{ graduationYear: year, surveyPoint: point, state: state === 'all' ? undefined : state }}
          />
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 140 }}
          value={year}
          allowClear
          placeholder="全部毕业年份"
          onChange={(v) => (setYear(v), setPage(1))}
          options={[0, 1, 2, 3].map((i) => ({ value: thisYear - i, label: `${thisYear - i}届` }))}
        />
        <Segmented
          value={point}
          onChange={(v) => (setPoint(v as Point), setPage(1))}
          options={(Object.keys(SURVEY_POINT_LABELS) as Point[]).map((p) => ({ value: p, label: SURVEY_POINT_LABELS[p] }))}
        />
        <Segmented
          value={state}
          onChange={(v) => (setState(v as State), setPage(1))}
          options={[
            { value: 'all', label: '全部' },
            { value: 'missing', label: '未登记' },
            { value: 'recorded', label: '已登记' },
            { value: 'correction', label: '学生更正' },
          ]}
        />
      </Space>
      {q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ResponsiveTable<Graduate>
          rows={q.data?.items ?? []}
          rowKey={(g) => g.studentId}
          primary={primary}
          columns={columns}
          loading={q.isLoading}
          total={q.data?.total}
          page={page}
          onPage={setPage}
          pageSize={20}
          empty="没有符合条件的毕业生（学籍状态为“毕业”的学生）"
          rowTestId="graduate-row"
        />
      )}
      <Drawer
        open={!!editing}
        onClose={() => setEditing(null)}
        title={editing ? `${editing.name} · ${SURVEY_POINT_LABELS[point]}去向` : ''}
        width={phone ? '100%' : 640}
        destroyOnHidden
      >
        {editing && (
          <>
            {correction && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                message={`学生申请更正为：${String(correction.categoryName ?? '')}${correction.studySchool ? ` ${String(correction.studySchool)}` : ''}${correction.employerName ? ` ${String(correction.employerName)}` : ''}`}
                description={`说明：${String(correction.note ?? '')}。核实后按实际情况保存即关闭更正。`}
              />
            )}
            <DestinationForm
              initial={correction ? { ...correction, note: null } : editing.destination}
              graduationYear={editing.graduationYear}
              submitText="保存"
              submit={async (values) => {
                await put(`/api/graduates/${editing.studentId}/destinations/${point}`, {
                  ...values,
                  version: editing.destination?.version,
                });
                await qc.invalidateQueries({ queryKey: [KEY] });
                setEditing(null);
              }}
            />
          </>
        )}
      </Drawer>
    </div>
  );
}
