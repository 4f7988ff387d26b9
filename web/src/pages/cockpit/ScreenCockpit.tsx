import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Cockpit, TargetProgress } from '../../../../contracts/cockpit.ts';
import { barOption, EChart, lineOption, ringOption } from './charts.tsx';
import type { DrillTarget } from './DrillModal.tsx';
import { goalText, pct, STATUS_COLOR, STATUS_LABEL, valueText } from './format.ts';

interface Props {
  data: Cockpit;
  /** City-wide viewers may switch to a district; a district viewer has no choice. */
  canPickDistrict: boolean;
  onPickDistrict: (id: string | undefined) => void;
  onDrill: (t: DrillTarget) => void;
}

const ORDER = { red: 0, amber: 1, unknown: 2, green: 3 } as const;
const STATUS_SHORT = { green: '正常', amber: '略滞后', red: '滞后', unknown: '未评估' } as const;

/** Short names for the bar chart's axis: 郑州经济技术开发区 → 经开区. */
export function shortName(name: string): string {
  return name
    .replace(/^郑州/, '')
    .replace('经济技术开发区', '经开区')
    .replace('高新技术产业开发区', '高新区')
    .replace('航空港经济综合实验区', '航空港区');
}

/** The 1920 × 1080 wall: status ring and alerts, the 32 targets, and the selected target's trend and districts. */
export function ScreenCockpit({ data, canPickDistrict, onPickDistrict, onDrill }: Props) {
  const [selected, setSelected] = useState<string>(
    () => [...data.targets].sort((a, b) => ORDER[a.status] - ORDER[b.status])[0]?.code ?? '',
  );
  const target = data.targets.find((t) => t.code === selected) ?? data.targets[0]!;
  const districtId = data.scope.districtId;
  const ring = useMemo(
    () =>
      ringOption(
        (['green', 'amber', 'red', 'unknown'] as const).map((s) => ({
          name: STATUS_SHORT[s],
          value: data.summary[s],
          color: STATUS_COLOR[s],
        })),
        true,
      ),
    [data.summary],
  );
  const trend = useMemo(
    () =>
      lineOption(
        target.trend.map((p) => p.month),
        target.trend.map((p) => p.value),
        target.goal,
        { dark: true, unit: target.unit === '%' ? '%' : '' },
      ),
    [target],
  );
  const districts = useMemo(
    () => [...data.districts].sort((a, b) => (b.values[target.code] ?? -1) - (a.values[target.code] ?? -1)),
    [data.districts, target.code],
  );
  const districtBars = useMemo(
    () =>
      barOption(
        districts.map((d) => shortName(d.name)),
        districts.map((d) => d.values[target.code] ?? null),
        { dark: true, horizontal: true, color: '#3aa0ff', unit: target.unit },
      ),
    [districts, target],
  );
  const clusters = useMemo(
    () =>
      data.clusters
        .filter((c) => c.enterprises > 0)
        .sort((a, b) => b.enterprises - a.enterprises)
        .slice(0, 10),
    [data.clusters],
  );
  const clusterBars = useMemo(
    () =>
      barOption(
        clusters.map((c) => c.name),
        clusters.map((c) => c.enterprises),
        { dark: true, color: '#2fbf71', unit: '家' },
      ),
    [clusters],
  );
  const s = data.supervision;

  return (
    <div className="cj-screen" data-testid="cockpit-screen">
      <header className="cj-screen-head">
        <div>
          <div className="cj-screen-title">{data.scope.name} · 深化产教融合规划驾驶舱</div>
          <div className="cj-screen-sub">
            {data.plan.document}《{data.plan.title}》· 时间进度 {pct(data.elapsed)} ·{' '}
            {data.computedAt ? `数据更新于 ${new Date(data.computedAt).toLocaleString('zh-CN', { hour12: false })}` : '指标尚未计算'}
          </div>
        </div>
        <div className="cj-screen-counts">
          {(['red', 'amber', 'green', 'unknown'] as const).map((k) => (
            <div key={k} className="cj-screen-count">
              <b style={{ color: STATUS_COLOR[k] }}>{data.summary[k]}</b>
              <span>{STATUS_LABEL[k]}</span>
            </div>
          ))}
        </div>
        {canPickDistrict && (
          <Select
            className="cj-screen-scope"
            value={districtId ?? ''}
            onChange={(v) => onPickDistrict(v || undefined)}
            popupMatchSelectWidth={false}
            options={[{ value: '', label: '全市' }, ...data.districts.map((d) => ({ value: d.id, label: d.name }))]}
            aria-label="选择区域"
          />
        )}
      </header>
      <div className="cj-screen-body">
        <section className="cj-panel cj-screen-left">
          <h3>目标状态</h3>
          <EChart option={ring} height={250} label="目标状态分布" />
          <h3>
            预警 <small>{data.alerts.length}条</small>
          </h3>
          <ul className="cj-alerts">
            {data.alerts.map((a, i) => (
              <li
                key={i}
                className={`cj-alert cj-alert-${a.level}`}
                onClick={() => {
                  if (a.code) setSelected(a.code);
                }}
              >
                {a.message}
              </li>
            ))}
            {!data.alerts.length && <li className="cj-alert">暂无预警</li>}
          </ul>
        </section>
        <section className="cj-panel cj-screen-center">
          <h3>
            2025年目标进度 <small>点击目标查看趋势和区域分布；“明细”列出统计对象</small>
          </h3>
          <div className="cj-tiles">
            {data.targets.map((t) => (
              <Tile
                key={t.code}
                t={t}
                active={t.code === target.code}
                onSelect={() => setSelected(t.code)}
                onDrill={() => onDrill({ code: t.code, districtId, title: t.name })}
              />
            ))}
          </div>
        </section>
        <section className="cj-screen-right">
          <div className="cj-panel">
            <h3>
              {target.name}{' '}
              <small>
                {target.article[0]} · 目标 {goalText(target)}
              </small>
            </h3>
            <EChart option={trend} height={200} label="指标月度趋势" />
          </div>
          {data.districts.length > 1 && (
            <div className="cj-panel">
              <h3>
                各区县（市）、开发区 <small>点击查看明细</small>
              </h3>
              <EChart
                option={districtBars}
                height={330}
                label="区域对比"
                onPick={(i) =>
                  onDrill({ code: target.code, districtId: districts[i]!.id, title: `${target.name} · ${districts[i]!.name}` })
                }
              />
            </div>
          )}
          <div className="cj-panel">
            <h3>
              产业集群企业数 <small>点击查看企业</small>
            </h3>
            <EChart
              option={clusterBars}
              height={data.districts.length > 1 ? 170 : 330}
              label="产业集群"
              onPick={(i) => onDrill({ code: 'enterprises', cluster: clusters[i]!.code, districtId, title: `${clusters[i]!.name}企业` })}
            />
          </div>
          <div className="cj-panel cj-screen-supervision">
            <h3>
              任务督导{' '}
              <small>
                {s.period?.label ?? '—'} ·{' '}
                <Link to="/tasks" style={{ color: '#7cc0ff' }}>
                  逐项查看
                </Link>
              </small>
            </h3>
            <div className="cj-screen-figs">
              <div>
                <b>
                  {s.submitted}/{s.expected}
                </b>
                <span>本期已报</span>
              </div>
              <div>
                <b style={{ color: STATUS_COLOR.red }}>{s.overdue}</b>
                <span>逾期未报</span>
              </div>
              <div>
                <b>{s.pendingRating}</b>
                <span>待评分</span>
              </div>
              <div>
                <b>{s.pendingReview}</b>
                <span>指标待审核</span>
              </div>
            </div>
          </div>
        </section>
      </div>
    </div>
  );
}

function Tile({ t, active, onSelect, onDrill }: { t: TargetProgress; active: boolean; onSelect: () => void; onDrill: () => void }) {
  const width = Math.min(100, Math.round((t.progress ?? 0) * 100));
  return (
    <div
      className={`cj-tile${active ? ' cj-tile-active' : ''}`}
      onClick={onSelect}
      role="button"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onSelect();
      }}
      title={`${t.name}（${t.article.join('；')}）`}
    >
      <div className="cj-tile-name">
        <i style={{ background: STATUS_COLOR[t.status] }} />
        {t.name}
      </div>
      <div className="cj-tile-value">
        {valueText(t.value, t.unit)}
        <span>
          {t.unit === '%' ? '' : t.unit} / {goalText(t)}
        </span>
      </div>
      <div className="cj-tile-bar">
        <div style={{ width: `${width}%`, background: STATUS_COLOR[t.status] }} />
        <div className="cj-tile-time" style={{ left: `${Math.round(t.elapsed * 100)}%` }} />
      </div>
      <div className="cj-tile-foot">
        <span>
          {t.method === 'computed' ? '平台计算' : '单位填报'} · {t.cityTotal ? '计入全市总量' : `完成 ${pct(t.progress)}`}
        </span>
        <a
          onClick={(e) => {
            e.stopPropagation();
            onDrill();
          }}
        >
          明细
        </a>
      </div>
    </div>
  );
}
