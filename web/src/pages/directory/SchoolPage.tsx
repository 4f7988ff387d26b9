import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { z } from 'zod';
import type { directorySchoolDetail } from '../../../../contracts/directory.ts';
import { SCHOOL_LEVEL_LABELS } from '../../../../contracts/registry.ts';
import { get } from '../../api/client.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { programColumns, programPrimary } from './DirectoryPage.tsx';
import { OWNERSHIP_LABELS } from './labels.ts';
import { PublicShell } from './PublicShell.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { usePageTitle } from '../registry/kit/page-title.ts';

type Detail = z.infer<typeof directorySchoolDetail>;

/** One school of the public directory with the programs it offers. */
export default function DirectorySchoolPage() {
  const { id } = useParams();
  const school = useQuery({ queryKey: ['directory', 'school', id], queryFn: () => get<Detail>(`/api/directory/schools/${id}`) });
  usePageTitle(school.data && `${school.data.name} · 公开名录`);
  const s = school.data;
  return (
    <PublicShell>
      <div data-testid="directory-school">
        <Link to="/directory">
          <ArrowLeftOutlined /> 返回公开名录
        </Link>
        {school.error && <QueryError error={school.error} />}
        {school.isPending && <Skeleton active />}
        {s && (
          <>
            <Typography.Title level={3} style={{ marginTop: 12 }} data-testid="directory-school-name">
              {s.name}
            </Typography.Title>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
                <Descriptions.Item label="学校标识码">{s.code}</Descriptions.Item>
                <Descriptions.Item label="办学层次">{SCHOOL_LEVEL_LABELS[s.level]}</Descriptions.Item>
                <Descriptions.Item label="性质">
                  {OWNERSHIP_LABELS[s.ownership]}
                  {s.enterpriseRun && <Tag style={{ marginInlineStart: 6 }}>企业办学</Tag>}
                </Descriptions.Item>
                <Descriptions.Item label="所在区县">{s.districtName ?? '—'}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title={`开设专业（${s.programs.length}）`}>
              <ResponsiveTable
                rows={s.programs}
                rowKey={(p) => p.id}
                primary={programPrimary}
                columns={programColumns(false)}
                total={s.programs.length}
                page={1}
                pageSize={Math.max(s.programs.length, 1)}
                onPage={() => {}}
                empty="暂无公开的开设专业"
              />
            </Card>
          </>
        )}
      </div>
    </PublicShell>
  );
}
