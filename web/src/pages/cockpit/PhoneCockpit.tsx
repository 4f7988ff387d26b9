import { Card, Collapse, Progress, Segmented, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Cockpit } from '../../../../contracts/cockpit.ts';
import { barOption, EChart } from './charts.tsx';
import type { DrillTarget } from './DrillModal.tsx';
import { goalText, pct, STATUS_COLOR, STATUS_LABEL, valueText } from './format.ts';

const ORDER = { red: 0, amber: 1, unknown: 2, green: 3 } as const;

/** The phone layout: the same answer, stacked: counts, alerts, targets (lagging first), districts of one target. */
export function PhoneCockpit({
  data,
  canPickDistrict,
  onPickDistrict,
  onDrill,
}: {
  data: Cockpit;
  canPickDistrict: boolean;
  onPickDistrict: (id: string | undefined) => void;
  onDrill: (t: DrillTarget) => void;
}) {
  const [filter, setFilter] = useState<'all' | 'red' | 'amber'>('all');
  const targets = useMemo(
    () => [...data.targets].sort((a, b) => ORDER[a.status] - ORDER[b.status]).filter((t) => filter === 'all' || t.status === filter),
    [data.targets, filter],
  );
  // The districts' chart opens on a computed figure some district has, rather than a row of zeros.
  const computed = data.targets.filter((t) => t.method === 'computed');
  const [chosen, setChosen] = useState(
    (computed.find((t) => data.districts.some((d) => (d.values[t.code] ?? 0) > 0)) ?? computed[0] ?? data.targets[0]!).code,
  );
  const target = data.targets.find((t) => t.code === chosen)!;
  const districts = [...data.districts].sort((a, b) => (b.values[chosen] ?? -1) - (a.values[chosen] ?? -1));
  const bars = useMemo(
    () =>
      barOption(
        districts.map((d) => d.name),
        districts.map((d) => d.values[chosen] ?? null),
        { dark: false, horizontal: true, color: '#1d6fb8', unit: target.unit, narrow: true },
      ),
    [districts, chosen, target.unit],
  );
  const districtId = data.scope.districtId;
  return (
    <div className="cj-cockpit-phone" data-testid="cockpit-phone">
      <Card size="small" className="cj-section">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {data.scope.name} · 规划驾驶舱
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {data.plan.document} · 时间进度 {pct(data.elapsed)}
        </Typography.Text>
        {canPickDistrict && (
          <Select
            style={{ width: '100%', marginTop: 8 }}
            value={districtId ?? ''}
            onChange={(v) => onPickDistrict(v || undefined)}
            options={[{ value: '', label: '全市' }, ...data.districts.map((d) => ({ value: d.id, label: d.name }))]}
            aria-label="选择区域"
          />
        )}
        <div className="cj-phone-counts">
          {(['red', 'amber', 'green', 'unknown'] as const).map((k) => (
            <div key={k}>
              <b style={{ color: STATUS_COLOR[k] }}>{data.summary[k]}</b>
              <span>{STATUS_LABEL[k]}</span>
            </div>
          ))}
        </div>
      </Card>
      <Card
        size="small"
        className="cj-section"
        title={`任务督导 · ${data.supervision.period?.label ?? '—'}`}
        extra={<Link to="/tasks">逐项查看</Link>}
      >
        <div className="cj-phone-counts" style={{ marginTop: 0 }}>
          <div>
            <b>
              {data.supervision.submitted}/{data.supervision.expected}
            </b>
            <span>本期已报</span>
          </div>
          <div>
            <b style={{ color: STATUS_COLOR.red }}>{data.supervision.overdue}</b>
            <span>逾期未报</span>
          </div>
          <div>
            <b>{data.supervision.pendingRating}</b>
            <span>待评分</span>
          </div>
          <div>
            <b>{data.supervision.pendingReview}</b>
            <span>待审核</span>
          </div>
        </div>
      </Card>
      {data.alerts.length > 0 && (
        <Collapse
          size="small"
          className="cj-section"
          items={[
            {
              key: 'alerts',
              label: `预警 ${data.alerts.length} 条`,
              children: (
                <ul className="cj-phone-alerts">
                  {data.alerts.map((a, i) => (
                    <li key={i}>
                      <Tag color={a.level === 'red' ? 'red' : a.level === 'amber' ? 'orange' : 'blue'}>
                        {a.level === 'info' ? '提示' : '预警'}
                      </Tag>
                      {a.message}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      <Segmented
        block
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        className="cj-section"
        options={[
          { value: 'all', label: '全部' },
          { value: 'red', label: `滞后 ${data.summary.red}` },
          { value: 'amber', label: `略滞后 ${data.summary.amber}` },
        ]}
      />
      {targets.map((t) => (
        <Card
          key={t.code}
          size="small"
          className="cj-phone-target"
          onClick={() => {
            setChosen(t.code);
            onDrill({ code: t.code, districtId, title: t.name });
          }}
        >
          <div className="cj-phone-target-head">
            <span>{t.name}</span>
            <Tag color={t.status === 'green' ? 'green' : t.status === 'amber' ? 'orange' : t.status === 'red' ? 'red' : 'default'}>
              {STATUS_LABEL[t.status]}
            </Tag>
          </div>
          <div className="cj-phone-target-value">
            <b>{valueText(t.value, t.unit)}</b>
            <span>
              {t.unit === '%' ? '' : t.unit} 目标 {goalText(t)}
            </span>
          </div>
          <Progress
            percent={Math.min(100, Math.round((t.progress ?? 0) * 100))}
            showInfo={false}
            strokeColor={STATUS_COLOR[t.status]}
            size="small"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.article[0]} · {t.method === 'computed' ? '平台计算' : '单位填报'}
            {t.cityTotal ? ' · 计入全市总量' : ''} · 点按查看明细
          </Typography.Text>
        </Card>
      ))}
      {data.districts.length > 1 && (
        <Card size="small" className="cj-section" title="各区域对比">
          <Select
            style={{ width: '100%', marginBottom: 8 }}
            value={chosen}
            onChange={setChosen}
            options={data.targets.filter((t) => t.method === 'computed').map((t) => ({ value: t.code, label: t.name }))}
            aria-label="选择指标"
          />
          <EChart
            option={bars}
            height={Math.max(240, districts.length * 34)}
            label="区域对比"
            onPick={(i) => onDrill({ code: chosen, districtId: districts[i]!.id, title: `${target.name} · ${districts[i]!.name}` })}
          />
        </Card>
      )}
    </div>
  );
}
