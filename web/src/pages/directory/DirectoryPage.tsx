import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Select, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type {
  directoryCarrierPage,
  directoryEnterprisePage,
  directoryOptions,
  directoryProgramPage,
  directorySchoolPage,
} from '../../../../contracts/directory.ts';
import { CERTIFIED_STATUSES, INTEGRATION_STATUS_LABELS } from '../../../../contracts/enterprises.ts';
import { SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS } from '../../../../contracts/registry.ts';
import {
  CARRIER_KIND_LABELS,
  CARRIER_KINDS,
  CARRIER_LEVEL_LABELS,
  CARRIER_LEVELS,
  CARRIER_STATUS_LABELS,
} from '../../../../core/registry/carrier-kinds.ts';
import { get, type Query } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { MAJOR_LEVEL_LABELS, OWNERSHIP_LABELS } from './labels.ts';
import { labelOr } from '../../labels.ts';
import { PublicShell } from './PublicShell.tsx';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable.tsx';

type Options = z.infer<typeof directoryOptions>;
type Page<T extends z.ZodType> = z.infer<T>;
const TABS = { schools: '学校', programs: '开设专业', enterprises: '产教融合型企业', carriers: '产教融合载体' } as const;
type Tab = keyof typeof TABS;
const PAGE_SIZE = 20;
const isTab = (v: string | null): v is Tab => !!v && v in TABS;
const dash = (v: string | null | undefined) => v || '—';

/** Each tab's own filter besides the search text and the district (kept in the address). */
const EXTRA_FILTERS: Record<Tab, readonly string[]> = {
  schools: ['level'],
  programs: [],
  enterprises: ['clusterCode', 'integrationStatus'],
  carriers: ['kind', 'level'],
};

export function useDirectoryOptions() {
  return useQuery({ queryKey: ['directory', 'options'], queryFn: () => get<Options>('/api/directory/options'), staleTime: 10 * 60_000 });
}

/** 公开名录: published schools, programs, certified enterprises and carriers; anyone may open and search it. */
export default function DirectoryPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = isTab(params.get('tab')) ? (params.get('tab') as Tab) : 'schools';
  const filter = (k: string) => params.get(k) ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  // The search box follows the address when it changes (back/forward, a link), and is the user's own in between.
  const addressQ = params.get('q') ?? '';
  const [text, setText] = useState(addressQ);
  const [shownQ, setShownQ] = useState(addressQ);
  if (addressQ !== shownQ) {
    setShownQ(addressQ);
    setText(addressQ);
  }
  const options = useDirectoryOptions();

  const set = (changes: Record<string, string | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!keepPage) next.delete('page');
    setParams(next);
  };
  const switchTab = (t: string) => {
    const next = new URLSearchParams();
    next.set('tab', t);
    for (const k of ['q', 'districtId']) {
      const v = params.get(k);
      if (v) next.set(k, v);
    }
    setParams(next);
  };

  const query: Query = { q: filter('q'), districtId: filter('districtId'), page, pageSize: PAGE_SIZE };
  for (const k of EXTRA_FILTERS[tab]) query[k] = filter(k);
  const list = useQuery({
    queryKey: ['directory', tab, query],
    queryFn: ({ signal }) => get<{ items: unknown[]; total: number }>(`/api/directory/${tab}`, query, { signal }),
    placeholderData: keepPreviousData,
  });

  const districtSelect = (
    <Select
      allowClear
      placeholder="全部区县(市)"
      value={filter('districtId')}
      onChange={(v) => set({ districtId: v })}
      aria-label="区县"
      options={options.data?.districts.map((d) => ({ value: d.id, label: d.name }))}
      loading={options.isPending}
    />
  );
  const select = (key: string, placeholder: string, labels: Record<string, string>, values: readonly string[]) => (
    <Select
      key={key}
      allowClear
      placeholder={placeholder}
      value={filter(key)}
      onChange={(v) => set({ [key]: v })}
      aria-label={placeholder}
      options={values.map((v) => ({ value: v, label: labels[v] ?? v }))}
    />
  );
  const extras: Record<Tab, React.ReactNode[]> = {
    schools: [select('level', '全部办学层次', SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS)],
    programs: [],
    enterprises: [
      <Select
        key="clusterCode"
        allowClear
        placeholder="全部产业集群"
        value={filter('clusterCode')}
        onChange={(v) => set({ clusterCode: v })}
        aria-label="产业集群"
        options={options.data?.clusters.map((c) => ({ value: c.code, label: c.name }))}
      />,
      select('integrationStatus', '全部认定级别', INTEGRATION_STATUS_LABELS, CERTIFIED_STATUSES),
    ],
    carriers: [
      select('kind', '全部载体类型', CARRIER_KIND_LABELS, CARRIER_KINDS),
      select('level', '全部级别', CARRIER_LEVEL_LABELS, CARRIER_LEVELS),
    ],
  };

  const common = {
    loading: list.isFetching,
    total: list.data?.total ?? 0,
    page,
    pageSize: PAGE_SIZE,
    onPage: (p: number) => set({ page: String(p) }, true),
    empty: '没有符合条件的记录',
  };

  return (
    <PublicShell>
      <div data-testid="directory-page">
        <div className="cj-page-head">
          <Typography.Title level={3}>公开名录</Typography.Title>
          <Typography.Text type="secondary">郑州市职业院校、开设专业、产教融合型企业和产教融合载体，无需登录即可查询。</Typography.Text>
        </div>
        <Tabs activeKey={tab} onChange={switchTab} items={Object.entries(TABS).map(([key, label]) => ({ key, label }))} />
        <div className="cj-directory-filters">
          <Input.Search
            className="cj-directory-q"
            allowClear
            placeholder="按名称搜索"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            maxLength={50}
            aria-label="按名称搜索"
            data-testid="directory-search"
          />
          {districtSelect}
          {extras[tab]}
        </div>
        {list.error ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            {tab === 'schools' && <SchoolTable rows={(list.data?.items ?? []) as Page<typeof directorySchoolPage>['items']} {...common} />}
            {tab === 'programs' && (
              <ProgramTable rows={(list.data?.items ?? []) as Page<typeof directoryProgramPage>['items']} {...common} />
            )}
            {tab === 'enterprises' && (
              <EnterpriseTable rows={(list.data?.items ?? []) as Page<typeof directoryEnterprisePage>['items']} {...common} />
            )}
            {tab === 'carriers' && (
              <CarrierTable rows={(list.data?.items ?? []) as Page<typeof directoryCarrierPage>['items']} {...common} />
            )}
          </>
        )}
      </div>
    </PublicShell>
  );
}

type Common = Omit<Parameters<typeof ResponsiveTable>[0], 'rows' | 'rowKey' | 'primary' | 'columns'>;
type School = Page<typeof directorySchoolPage>['items'][number];
type Program = Page<typeof directoryProgramPage>['items'][number];
type Enterprise = Page<typeof directoryEnterprisePage>['items'][number];
type Carrier = Page<typeof directoryCarrierPage>['items'][number];

function SchoolTable({ rows, ...common }: Common & { rows: School[] }) {
  const columns: Column<School>[] = [
    { key: 'level', title: '办学层次', render: (s) => SCHOOL_LEVEL_LABELS[s.level], width: 120 },
    {
      key: 'ownership',
      title: '性质',
      render: (s) => (
        <>
          {OWNERSHIP_LABELS[s.ownership]}
          {s.enterpriseRun && <Tag style={{ marginInlineStart: 6 }}>企业办学</Tag>}
        </>
      ),
      width: 150,
    },
    { key: 'district', title: '所在区县', render: (s) => dash(s.districtName), width: 140 },
    { key: 'programs', title: '开设专业', render: (s) => `${s.programCount} 个`, width: 100 },
  ];
  return (
    <ResponsiveTable
      rows={rows}
      rowKey={(s) => s.id}
      columns={columns}
      {...common}
      primary={{ key: 'name', title: '学校名称', render: (s) => <Link to={`/directory/schools/${s.id}`}>{s.name}</Link> }}
    />
  );
}

export function programColumns(withSchool: boolean): Column<Program>[] {
  return [
    ...(withSchool
      ? [{ key: 'school', title: '开设学校', render: (p: Program) => <Link to={`/directory/schools/${p.schoolId}`}>{p.schoolName}</Link> }]
      : []),
    { key: 'level', title: '层次', render: (p) => labelOr(MAJOR_LEVEL_LABELS, p.majorLevel), width: 110 },
    { key: 'start', title: '开设年份', render: (p) => `${p.startYear}年`, width: 100 },
    ...(withSchool ? [{ key: 'district', title: '所在区县', render: (p: Program) => dash(p.districtName), width: 140 }] : []),
  ];
}
export const programPrimary: Column<Program> = {
  key: 'major',
  title: '专业（代码）',
  render: (p) => (
    <span>
      {p.majorName}
      <Typography.Text type="secondary">（{p.majorCode}）</Typography.Text>
    </span>
  ),
};

function ProgramTable({ rows, ...common }: Common & { rows: Program[] }) {
  return <ResponsiveTable rows={rows} rowKey={(p) => p.id} columns={programColumns(true)} primary={programPrimary} {...common} />;
}

function EnterpriseTable({ rows, ...common }: Common & { rows: Enterprise[] }) {
  const columns: Column<Enterprise>[] = [
    {
      key: 'status',
      title: '认定级别',
      render: (e) => (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {INTEGRATION_STATUS_LABELS[e.integrationStatus]}
        </Tag>
      ),
      width: 180,
    },
    { key: 'industry', title: '所属行业', render: (e) => dash(e.industryName) },
    { key: 'cluster', title: '产业集群', render: (e) => dash(e.clusterName), width: 130 },
    { key: 'district', title: '所在区县', render: (e) => dash(e.districtName), width: 130 },
    { key: 'uscc', title: '统一社会信用代码', render: (e) => <span style={{ fontFamily: 'monospace' }}>{e.uscc}</span>, width: 200 },
  ];
  return (
    <ResponsiveTable
      rows={rows}
      rowKey={(e) => e.id}
      columns={columns}
      primary={{ key: 'name', title: '企业名称', render: (e) => <strong>{e.name}</strong> }}
      {...common}
    />
  );
}

function CarrierTable({ rows, ...common }: Common & { rows: Carrier[] }) {
  const columns: Column<Carrier>[] = [
    { key: 'kind', title: '类型', render: (c) => CARRIER_KIND_LABELS[c.kind], width: 150 },
    {
      key: 'level',
      title: '级别',
      render: (c) => (
        <>
          {CARRIER_LEVEL_LABELS[c.level]} <Tag color={c.status === 'certified' ? 'green' : 'blue'}>{CARRIER_STATUS_LABELS[c.status]}</Tag>
        </>
      ),
      width: 140,
    },
    { key: 'lead', title: '牵头单位', render: (c) => c.leadName },
    { key: 'partners', title: '合作单位', render: (c) => (c.partnerNames.length ? c.partnerNames.join('、') : '—') },
    { key: 'district', title: '所在区县', render: (c) => dash(c.districtName), width: 110 },
    { key: 'cluster', title: '产业集群', render: (c) => dash(c.clusterName), width: 110 },
  ];
  return (
    <ResponsiveTable
      rows={rows}
      rowKey={(c) => c.id}
      columns={columns}
      primary={{ key: 'name', title: '载体名称', render: (c) => <strong>{c.name}</strong> }}
      {...common}
    />
  );
}
