import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { rolesOf, useMe } from '../../auth/session.tsx';
import { withQuery } from '../../api/client.ts';
import { PlacementRates } from './PlacementRates.tsx';
import { PostShares } from './PostShares.tsx';
import { ViolationsTable } from './ViolationsTable.tsx';

const THIS_YEAR = new Date().getFullYear();

/** The district's and the bureau's view of internships: placement rates, the 2%–3% post target, violations, rosters. */
export default function StatsPage() {
  const me = useMe();
  const roles = rolesOf(me);
  const [year, setYear] = useState(THIS_YEAR);
  // Rosters go to the bureau (all) and a district (its own); departments read the figures only.
  const districtId = roles.includes('city_admin') ? undefined : me.roles.find((r) => r.role === 'district')?.organisation.id;
  const mayExport = roles.includes('city_admin') || roles.includes('district');
  return (
    <div data-testid="internship-stats">
      <div
        className="cj-page-head"
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}
      >
        <Typography.Title level={4} style={{ margin: 0 }}>
          实习统计与监管
        </Typography.Title>
        <Space wrap>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={[0, 1, 2].map((d) => ({ value: THIS_YEAR - d, label: `${THIS_YEAR - d}年` }))}
          />
          {mayExport && (
            <Button
              icon={<FileExcelOutlined />}
              href={withQuery('/api/exports/internship-roster', { year, districtId })}
              data-testid="roster-export"
            >
              导出实习名册
            </Button>
          )}
        </Space>
      </div>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'rates', label: '实习率', children: <PlacementRates year={year} /> },
          { key: 'shares', label: '企业岗位占比', children: <PostShares year={year} /> },
          { key: 'violations', label: '违规情况', children: <ViolationsTable year={year} /> },
        ]}
      />
    </div>
  );
}
