import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Progress, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import type { StatItem } from '../../../contracts/dashboard.ts';
import { formatNumber } from './format.ts';

/**
 * One figure: label, value and unit; when the plan sets a target, progress towards it and the article it
 * comes from; when the records behind it have a page, the whole card links there.
 */
export function StatCard({ item }: { item: StatItem }) {
  const body = (
    <Card size="small" className="cj-stat" hoverable={Boolean(item.href)} data-stat={item.key}>
      <div className="cj-stat-label">
        <span>{item.label}</span>
        {item.hint && (
          <Tooltip title={item.hint}>
            <InfoCircleOutlined aria-label={item.hint} style={{ marginTop: 3, color: 'rgba(0,0,0,0.35)' }} />
          </Tooltip>
        )}
      </div>
      <div className="cj-stat-value">
        {item.value === null ? (
          <span className="cj-stat-empty">暂无数据</span>
        ) : (
          <>
            {formatNumber(item.value)}
            {item.unit && <span className="cj-stat-unit">{item.unit}</span>}
          </>
        )}
      </div>
      {item.target && <TargetLine item={item} target={item.target} />}
    </Card>
  );
  if (!item.href) return body;
  if (/^https?:\/\//.test(item.href))
    return (
      <a className="cj-stat-link" href={item.href} target="_blank" rel="noreferrer">
        {body}
      </a>
    );
  return (
    <Link className="cj-stat-link" to={item.href}>
      {body}
    </Link>
  );
}

function TargetLine({ item, target }: { item: StatItem; target: NonNullable<StatItem['target']> }) {
  const sign = target.comparator === '>=' ? '≥' : '≤';
  const unit = item.unit ?? '';
  const goal = `目标 ${sign} ${formatNumber(target.value)}${unit}`;
  if (item.value === null) {
    return (
      <div className="cj-stat-target">
        <div>{goal}</div>
        <div className="cj-stat-article">依据：{target.article}</div>
      </div>
    );
  }
  const met = target.comparator === '>=' ? item.value >= target.value : item.value <= target.value;
  // Progress towards an "at least" target is value/target; an "at most" target is full while it is kept.
  const ratio =
    target.comparator === '>='
      ? target.value === 0
        ? 1
        : item.value / target.value
      : item.value <= target.value
        ? 1
        : target.value / item.value;
  const percent = Math.max(0, Math.min(100, Math.round(ratio * 1000) / 10));
  return (
    <div className="cj-stat-target">
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <span>{goal}</span>
        <Tag color={met ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
          {met ? '已达标' : `完成 ${percent}%`}
        </Tag>
      </div>
      <Progress
        percent={percent}
        showInfo={false}
        size="small"
        status={met ? 'success' : 'normal'}
        aria-label={`${item.label}：${goal}，完成 ${percent}%`}
      />
      <div className="cj-stat-article">依据：{target.article}</div>
    </div>
  );
}
