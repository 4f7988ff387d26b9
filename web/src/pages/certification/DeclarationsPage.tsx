import { Card, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/QueryError.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { ExportButton } from '../registry/kit/ExportButton.tsx';
import { lastYear, useDeclarations, yearOptions, yuan, type Declaration } from './api.ts';
import { Standing } from './Standing.tsx';
import { Undeclared } from './Undeclared.tsx';

const STANDINGS = [
  { value: 'drawnBelow', label: '提取比例低于下限' },
  { value: 'drawnAbove', label: '提取比例高于上限' },
  { value: 'frontlineBelow', label: '一线比例未达标' },
];

/** 企业年度申报: the district's enterprises' (the bureau: every enterprise's) declarations of a year, with their standing. */
export default function DeclarationsPage() {
  const [year, setYear] = useState(lastYear());
  const [standing, setStanding] = useState<string>();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const query = { year, standing, q };
  const list = useDeclarations({ ...query, page, pageSize: 20 });
  return (
    <div data-testid="declarations-page">
      <div className="cj-page-head" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4}>企业年度申报</Typography.Title>
        <ExportButton path="/api/exports/declarations" query={query} />
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select value={year} onChange={(v) => (setYear(v), setPage(1))} options={yearOptions()} style={{ width: 130 }} />
          <Select
            allowClear
            placeholder="全部达标情况"
            value={standing}
            onChange={(v) => (setStanding(v), setPage(1))}
            options={STANDINGS}
            style={{ width: 180 }}
          />
          <Input.Search
            allowClear
            placeholder="企业名称或信用代码"
            onSearch={(v) => (setQ(v || undefined), setPage(1))}
            style={{ width: 220 }}
          />
        </Space>
      </Card>
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
          empty={`${year}年度尚无申报`}
          rowTestId="declaration-row"
          primary={{ key: 'name', title: '企业', render: (d) => d.enterpriseName }}
          columns={[
            { key: 'district', title: '区域', render: (d) => d.districtName ?? '—' },
            { key: 'payroll', title: '工资总额', align: 'right', render: (d) => yuan(d.payrollYuan) },
            { key: 'drawn', title: '提取经费', align: 'right', render: (d) => yuan(d.fundDrawnYuan) },
            { key: 'trained', title: '培训人次', align: 'right', render: (d) => d.peopleTrained },
            { key: 'places', title: '实习岗位', align: 'right', render: (d) => d.internshipPlaces },
            { key: 'standing', title: '达标情况', render: (d) => <Standing d={d} /> },
          ]}
        />
      )}
      <Undeclared year={year} />
    </div>
  );
}
