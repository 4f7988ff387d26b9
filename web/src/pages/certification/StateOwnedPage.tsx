import { Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { SASAC_LEVEL_LABELS, SASAC_LEVELS } from '../../../../contracts/certification.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ExportButton } from '../registry/kit/ExportButton.tsx';
import { lastYear, useStateOwned, yearOptions, yuan, type Declaration } from './api.ts';
import { Standing } from './Standing.tsx';

/**
 * 国有企业职业教育情况 (三 18, 任务清单 29): the state-owned enterprises' declarations and their totals, for the
 * 国资委's performance reviews.
 */
export default function StateOwnedPage() {
  const [year, setYear] = useState(lastYear());
  const [sasacLevel, setLevel] = useState<string>();
  const [page, setPage] = useState(1);
  const list = useStateOwned({ year, sasacLevel, page, pageSize: 20 });
  const s = list.data?.summary;
  return (
    <div data-testid="state-owned-page">
      <div className="cj-page-head" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4}>国有企业职业教育情况</Typography.Title>
        <ExportButton path="/api/exports/state-owned-declarations" query={{ year, sasacLevel }} />
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select value={year} onChange={(v) => (setYear(v), setPage(1))} options={yearOptions()} style={{ width: 130 }} />
          <Select
            allowClear
            placeholder="全部监管机构"
            value={sasacLevel}
            onChange={(v) => (setLevel(v), setPage(1))}
            options={SASAC_LEVELS.map((l) => ({ value: l, label: SASAC_LEVEL_LABELS[l] }))}
            style={{ width: 200 }}
          />
        </Space>
      </Card>
      {s && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="申报国有企业" value={s.enterprises} suffix="家" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="培训经费提取比例" value={s.drawnSharePct ?? '—'} suffix="%" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="用于一线职工比例" value={s.frontlineSharePct ?? '—'} suffix="%" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="培训人次 / 实习岗位" value={`${s.peopleTrained} / ${s.internshipPlaces}`} />
            </Card>
          </Col>
        </Row>
      )}
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<Declaration>
          rows={list.data?.items ?? []}
          rowKey={(d) => d.id}
          loading={list.isFetching}
          pageSize={20}
          total={list.data?.total ?? 0}
          page={page}
          onPage={setPage}
          empty={`${year}年度尚无国有企业申报`}
          rowTestId="soe-row"
          primary={{ key: 'name', title: '企业', render: (d) => d.enterpriseName }}
          columns={[
            { key: 'level', title: '监管机构', render: (d) => (d.sasacLevel ? SASAC_LEVEL_LABELS[d.sasacLevel] : '—') },
            { key: 'drawn', title: '提取经费', align: 'right', render: (d) => yuan(d.fundDrawnYuan) },
            { key: 'trained', title: '培训人次', align: 'right', render: (d) => d.peopleTrained },
            { key: 'places', title: '实习岗位', align: 'right', render: (d) => d.internshipPlaces },
            { key: 'standing', title: '达标情况', render: (d) => <Standing d={d} /> },
          ]}
        />
      )}
    </div>
  );
}
